//! Element classes of HTML (WHATWG HTML §4) as the reader treats them: what
//! is never shown, and what starts a block.

/// Elements whose content is never shown.
pub(super) fn never_shown(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "title"
            | "style"
            | "script"
            | "template"
            | "meta"
            | "link"
            | "object"
            | "embed"
            | "iframe"
            | "noembed"
            | "noframes"
            | "frame"
            | "frameset"
            | "audio"
            | "video"
            | "svg"
            | "math"
            | "select"
            | "button"
            | "input"
            | "textarea"
            | "map"
            | "area"
    )
}

/// Elements that start a new block (and end the current paragraph).
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "center"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "aside"
            | "address"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "legend"
            | "dl"
            | "dt"
            | "dd"
            | "body"
            | "html"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "li"
            | "details"
            | "summary"
    )
}
