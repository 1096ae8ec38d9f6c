//! A flat, arena-backed DOM for html5ever's tree builder (WHATWG HTML
//! parsing, <https://html.spec.whatwg.org/multipage/parsing.html>).
//!
//! Nodes live in one `Vec` and refer to each other by index, so a hostile,
//! very deep document costs no recursion to build or to drop. Only what the
//! rich model needs is kept: element names, attributes and text; comments,
//! doctypes and processing instructions become inert nodes.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, QualName, local_name, ns};

/// A node's identity plus its element name (empty for non-elements).
#[derive(Debug)]
pub(super) struct Info {
    /// Index into [`Dom::nodes`].
    pub id: usize,
    name: QualName,
}

/// The tree builder's handle: cheap to clone, names never change.
pub(super) type Handle = Rc<Info>;

/// What a node is.
#[derive(Debug)]
pub(super) enum Kind {
    /// The document root.
    Document,
    /// An element with its lower-case local name and attributes.
    Element {
        /// Local name (HTML elements are lower-case).
        name: String,
        /// Attributes as written.
        attrs: Vec<(String, String)>,
    },
    /// Character data.
    Text(String),
    /// Comments, doctypes, processing instructions: never shown.
    Inert,
}

/// One node of the arena.
#[derive(Debug)]
pub(super) struct Node {
    /// Parent index.
    pub parent: Option<usize>,
    /// Child indices in order.
    pub children: Vec<usize>,
    /// The node's content.
    pub kind: Kind,
}

/// The parsed document: `nodes[0]` is the root.
#[derive(Debug, Default)]
pub(super) struct Dom {
    /// Every node, root first.
    pub nodes: Vec<Node>,
}

impl Dom {
    /// The text of every `<style>` element, in document order, one per line,
    /// stopping once past `max` bytes.
    pub fn style_text(&self, max: usize) -> String {
        let mut text = String::new();
        for node in &self.nodes {
            if let Kind::Element { name, .. } = &node.kind
                && name == "style"
            {
                for child in &node.children {
                    if let Some(Node {
                        kind: Kind::Text(t),
                        ..
                    }) = self.nodes.get(*child)
                    {
                        text.push_str(t);
                        text.push('\n');
                    }
                }
                if text.len() > max {
                    break;
                }
            }
        }
        text
    }

    /// The attribute `key` of element `id`, if present.
    pub fn attr(&self, id: usize, key: &str) -> Option<&str> {
        match &self.nodes.get(id)?.kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Where to cut `html` so that no more than `max` elements are open at once,
/// or `html.len()` when it never nests that deep.
///
/// html5ever's tree builder scans its stack of open elements for each end
/// tag, so a document nested thousands deep costs quadratic time. Browsers
/// cap the depth too (Blink at 512). This scan counts start and end tags,
/// skipping void elements, elements whose end tag is optional, self-closed
/// tags, comments and the raw text of `script`/`style`/`textarea`/`title`.
pub(super) fn depth_cut(html: &str, max: usize) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', bytes.get(at..).unwrap_or_default()) {
        let start = at + lt;
        let rest = bytes.get(start + 1..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            at = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let end_tag = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(end_tag);
        let name_len = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = html
            .get(name_start..name_start + name_len)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let gt = memchr::memchr(b'>', bytes.get(start..).unwrap_or_default()).map(|g| start + g);
        at = gt.map_or(bytes.len(), |g| g + 1);
        if name.is_empty() || !name.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        if end_tag {
            if counted(&name) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if matches!(
            name.as_str(),
            "script" | "style" | "textarea" | "title" | "xmp"
        ) {
            let close = format!("</{name}");
            at = find_ci(bytes, at, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        let self_closed = gt.is_some_and(|g| g > 0 && bytes.get(g - 1) == Some(&b'/'));
        if counted(&name) && !self_closed {
            depth += 1;
            if depth > max {
                return start;
            }
        }
    }
    html.len()
}

/// Elements that stay open until their end tag.
fn counted(name: &str) -> bool {
    !matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "colgroup"
            | "caption"
            | "rb"
            | "rt"
            | "rp"
            | "rtc"
            | "html"
            | "head"
            | "body"
    )
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|i| from + i)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let tail = hay.get(from..)?;
    tail.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| from + i)
}

/// Parses HTML (never fails: the HTML parsing algorithm accepts any input).
pub(super) fn parse(html: &str) -> Dom {
    let sink = Sink::default();
    let opts = html5ever::ParseOpts::default();
    html5ever::parse_document(sink, opts).one(StrTendril::from(html))
}

#[derive(Default)]
struct Sink {
    nodes: RefCell<Vec<Node>>,
    names: RefCell<Vec<Handle>>,
}

impl Sink {
    fn new_node(&self, kind: Kind, name: QualName) -> Handle {
        let mut nodes = self.nodes.borrow_mut();
        let id = nodes.len();
        nodes.push(Node {
            parent: None,
            children: Vec::new(),
            kind,
        });
        let handle = Rc::new(Info { id, name });
        self.names.borrow_mut().push(handle.clone());
        handle
    }

    fn document(&self) -> Handle {
        if self.nodes.borrow().is_empty() {
            return self.new_node(Kind::Document, empty_name());
        }
        self.names.borrow().first().cloned().unwrap_or_else(|| {
            Rc::new(Info {
                id: 0,
                name: empty_name(),
            })
        })
    }

    fn detach(&self, id: usize) {
        let mut nodes = self.nodes.borrow_mut();
        let Some(parent) = nodes.get_mut(id).and_then(|n| n.parent.take()) else {
            return;
        };
        if let Some(p) = nodes.get_mut(parent) {
            p.children.retain(|&c| c != id);
        }
    }

    /// Appends text to the last child when it is text; else a new text node.
    fn text_node_for(&self, parent: usize, at: Option<usize>, text: &str) -> Option<Handle> {
        {
            let mut nodes = self.nodes.borrow_mut();
            let before = match at {
                Some(0) => None,
                Some(i) => nodes
                    .get(parent)
                    .and_then(|p| p.children.get(i - 1))
                    .copied(),
                None => nodes.get(parent).and_then(|p| p.children.last()).copied(),
            };
            if let Some(Node {
                kind: Kind::Text(t),
                ..
            }) = before.and_then(|b| nodes.get_mut(b))
            {
                t.push_str(text);
                return None;
            }
        }
        Some(self.new_node(Kind::Text(text.to_string()), empty_name()))
    }

    fn insert(&self, parent: usize, at: Option<usize>, child: NodeOrText<Handle>) {
        let child = match child {
            NodeOrText::AppendNode(h) => h,
            NodeOrText::AppendText(t) => match self.text_node_for(parent, at, &t) {
                Some(h) => h,
                None => return,
            },
        };
        self.detach(child.id);
        let mut nodes = self.nodes.borrow_mut();
        if let Some(c) = nodes.get_mut(child.id) {
            c.parent = Some(parent);
        }
        if let Some(p) = nodes.get_mut(parent) {
            let at = at.unwrap_or(p.children.len()).min(p.children.len());
            p.children.insert(at, child.id);
        }
    }
}

fn empty_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.document()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Handle {
        // Make sure the document is node 0 before any element.
        self.document();
        let kind = Kind::Element {
            name: name.local.to_ascii_lowercase().to_string(),
            attrs: attrs
                .into_iter()
                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                .collect(),
        };
        self.new_node(kind, name)
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.document();
        self.new_node(Kind::Inert, empty_name())
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.document();
        self.new_node(Kind::Inert, empty_name())
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.insert(parent.id, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = self
            .nodes
            .borrow()
            .get(element.id)
            .is_some_and(|n| n.parent.is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        // Template contents are never shown; the element itself stands in.
        target.clone()
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let place = {
            let nodes = self.nodes.borrow();
            nodes.get(sibling.id).and_then(|s| s.parent).and_then(|p| {
                let i = nodes
                    .get(p)?
                    .children
                    .iter()
                    .position(|&c| c == sibling.id)?;
                Some((p, i))
            })
        };
        if let Some((parent, i)) = place {
            self.insert(parent, Some(i), new_node);
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Node {
            kind: Kind::Element { attrs: have, .. },
            ..
        }) = nodes.get_mut(target.id)
        {
            for a in attrs {
                let key = a.name.local.to_string();
                if !have.iter().any(|(k, _)| *k == key) {
                    have.push((key, a.value.to_string()));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.detach(target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let moved = nodes
            .get_mut(node.id)
            .map(|n| std::mem::take(&mut n.children))
            .unwrap_or_default();
        for &c in &moved {
            if let Some(child) = nodes.get_mut(c) {
                child.parent = Some(new_parent.id);
            }
        }
        if let Some(p) = nodes.get_mut(new_parent.id) {
            p.children.extend(moved);
        }
    }
}
