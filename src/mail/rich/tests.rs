use super::*;

fn text_of(blocks: &[Block]) -> String {
    to_plain(
        &Document {
            blocks: blocks.to_vec(),
            ..Document::default()
        },
        200,
    )
}

#[test]
fn paragraphs_headings_and_inline_styles() {
    let d = Document::from_html(
        "<h2>Title</h2><p>Meet at <b>9:30</b>, <i>sharp</i> <u>u</u> <s>gone</s> <code>x=1</code>.</p>",
    );
    assert_eq!(d.blocks.len(), 2, "{d:#?}");
    let Some(Block::Heading { level: 2, spans }) = d.blocks.first() else {
        panic!("{d:#?}")
    };
    assert_eq!(spans.first().map(|s| s.text.as_str()), Some("Title"));
    let Some(Block::Paragraph(spans)) = d.blocks.get(1) else {
        panic!("{d:#?}")
    };
    let find = |t: &str| spans.iter().find(|s| s.text == t).unwrap().style.clone();
    assert!(find("9:30").bold);
    assert!(find("sharp").italic);
    assert!(find("u").underline);
    assert!(find("gone").strike);
    assert!(find("x=1").mono);
    let plain = to_plain(&d, 80);
    assert!(plain.contains("Meet at 9:30, sharp u gone x=1."), "{plain}");
    assert!(!plain.contains('*') && !plain.contains('<'), "{plain}");
}

#[test]
fn nested_lists_keep_their_structure() {
    let d = Document::from_html("<ol start=3><li>one<ul><li>inner</li></ul></li><li>two</li></ol>");
    let Some(Block::List {
        ordered: true,
        start: 3,
        items,
    }) = d.blocks.first()
    else {
        panic!("{d:#?}")
    };
    assert_eq!(items.len(), 2);
    assert!(matches!(
        items[0].get(1),
        Some(Block::List { ordered: false, .. })
    ));
    let plain = to_plain(&d, 80);
    assert!(plain.contains("3. one"), "{plain}");
    assert!(plain.contains("• inner"), "{plain}");
    assert!(plain.contains("4. two"), "{plain}");
}

#[test]
fn hidden_text_is_dropped() {
    let d = Document::from_html(concat!(
        "<div style='display:none'>preheader one</div>",
        "<span style='font-size:0'>zero size</span>",
        "<p hidden>attr hidden</p>",
        "<div style='mso-hide:all'>mso</div>",
        "<p style='visibility:hidden'>invisible</p>",
        "<table bgcolor='#ffffff'><tr><td><font color='#fefefe'>white on white</font></td></tr></table>",
        "<div style='background:#000'><span style='color:#010101'>black on black</span></div>",
        "<p>shown</p>"
    ));
    let plain = to_plain(&d, 80);
    assert_eq!(plain.trim(), "shown", "{d:#?}");
}

#[test]
fn layout_tables_read_in_order_and_data_tables_keep_columns() {
    let d = Document::from_html(concat!(
        "<table role=presentation><tr><td><table><tr><td><h1>News</h1><p>First story is long enough.</p></td></tr></table></td></tr>",
        "<tr><td><p>Second story</p></td></tr></table>",
        "<table><tr><th>Item</th><th>Price</th></tr><tr><td>Tea</td><td>3.50</td></tr><tr><td>Cake</td><td>4.00</td></tr></table>"
    ));
    assert!(
        matches!(d.blocks.first(), Some(Block::Heading { .. })),
        "{d:#?}"
    );
    let Some(Block::Table(rows)) = d.blocks.last() else {
        panic!("{d:#?}")
    };
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == 2));
    let plain = to_plain(&d, 80);
    let news = plain.find("News").unwrap();
    let second = plain.find("Second story").unwrap();
    assert!(news < second, "{plain}");
    assert!(plain.contains("Item  Price"), "{plain}");
    assert!(plain.contains("Tea   3.50"), "{plain}");
}

#[test]
fn images_remote_cid_and_data() {
    let d = Document::from_html(concat!(
        "<img src='https://tracker.example/p.gif' width=1 height=1>",
        "<a href='https://example.org/map'><img src='http://example.org/map.png' alt='Map of the route'></a>",
        "<img src='cid:logo%40example.org' alt='Logo'>",
        "<img src='data:image/png;base64,iVBORw0KGgo=' alt='inline'>",
        "<img src='data:image/png;base64,@@@' alt='bad'>",
    ));
    assert_eq!(d.remote_images, 2);
    let images = d.images();
    assert_eq!(images.len(), 4, "{d:#?}");
    assert_eq!(images[0].alt, "Map of the route");
    assert_eq!(images[0].link.as_deref(), Some("https://example.org/map"));
    assert_eq!(
        images[1].source,
        ImageSource::Cid("logo@example.org".into())
    );
    assert!(matches!(&images[2].source, ImageSource::Data { bytes, .. } if bytes.len() == 8));
    assert!(matches!(images[3].source, ImageSource::Unusable(_)));
    let plain = to_plain(&d, 80);
    assert!(plain.starts_with("(2 remote images not loaded)"), "{plain}");
    assert!(
        plain.contains("(remote image: Map of the route)"),
        "{plain}"
    );
    assert!(!plain.contains("[Map"), "{plain}");
}

#[test]
fn links_are_numbered_and_listed_at_the_end() {
    let d = Document::from_html(
        "<p>See <a href='https://example.org/a'>the site</a> or <a href='mailto:x@example.org'>x@example.org</a> &amp; <a href='https://example.org/a'>again</a>.</p>",
    );
    let plain = to_plain(&d, 80);
    assert!(
        plain.contains("See the site¹ or x@example.org & again¹."),
        "{plain}"
    );
    assert!(
        plain.ends_with("Links:\n  1. https://example.org/a\n"),
        "{plain}"
    );
}

#[test]
fn quotes_pre_and_rules() {
    let d = Document::from_html(
        "<blockquote><p>quoted</p><blockquote>deeper</blockquote></blockquote><pre>\n  a  b\n c</pre><hr>",
    );
    assert!(matches!(d.blocks.first(), Some(Block::Quote(_))));
    assert!(matches!(d.blocks.get(1), Some(Block::Pre(_))));
    assert_eq!(d.blocks.get(2), Some(&Block::Rule));
    let plain = text_of(&d.blocks);
    assert!(plain.contains("> quoted\n"), "{plain}");
    assert!(plain.contains("> > deeper\n"), "{plain}");
    assert!(plain.contains("  a  b\n c\n"), "{plain}");
}

#[test]
fn colours_are_kept_and_made_legible() {
    let d = Document::from_html("<p><span style='color:#336699'>blue</span></p>");
    let Some(Block::Paragraph(spans)) = d.blocks.first() else {
        panic!("{d:#?}")
    };
    assert_eq!(spans[0].style.colour, Some(Rgb(0x33, 0x66, 0x99)));
    let dark = Rgb(27, 27, 27);
    let navy = Rgb(0, 0, 0x80);
    assert!(navy.contrast(dark) < 3.0);
    assert!(navy.legible_on(dark).contrast(dark) >= 3.0);
    let white = Rgb(255, 255, 255);
    assert_eq!(navy.legible_on(white), navy);
}

#[test]
fn deep_nesting_is_bounded_and_keeps_the_text() {
    let started = std::time::Instant::now();
    let depth = 100_000;
    let html = format!(
        "shallow{}deep text{}",
        "<div><b>".repeat(depth),
        "</b></div>".repeat(depth)
    );
    let d = Document::from_html(&html);
    assert!(d.truncated);
    assert!(to_plain(&d, 80).contains("shallow"));
    // Deeper than the structure limit but within the parse limit: kept as text.
    let html = format!("{}middle text{}", "<div>".repeat(300), "</div>".repeat(300));
    let d = Document::from_html(&html);
    assert!(d.truncated);
    assert!(to_plain(&d, 80).contains("middle text"));
    let lists = format!("{}x", "<ul><li>".repeat(5_000));
    let d = Document::from_html(&lists);
    assert!(d.truncated);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn entities_and_whitespace() {
    let d = Document::from_html("<p>a&nbsp;&lt;b&gt;\n\n   c&eacute;&#x1F600;</p>");
    assert_eq!(to_plain(&d, 80), "a <b> cé😀\n");
}

#[test]
fn depth_cut_ignores_void_optional_and_raw_text() {
    let html = format!(
        "{}<script>{}</script>end",
        "<p><br><img><li>".repeat(2000),
        "<div>".repeat(2000)
    );
    assert_eq!(dom::depth_cut(&html, 512), html.len());
    let deep = "<span>".repeat(600);
    assert_eq!(dom::depth_cut(&deep, 512), 512 * 6);
}
