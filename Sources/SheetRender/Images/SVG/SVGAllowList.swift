/// What a cleaned SVG logo may hold: the elements, attributes and CSS properties of shapes,
/// text, gradients, clipping and masking. Everything else is left out by `SVGCleaner`.
///
/// Left out on purpose, with the reason:
/// - `image`, `feImage`, `foreignObject`, `iframe`, `video`, `audio`: they load other files or
///   documents (librsvg loads `href`s relative to a base it is given, and decodes `data:` images
///   through every gdk-pixbuf loader with no pixel limit: a 30 000² PNG inside an SVG took 7 GB,
///   and a `data:` image drawn twice made cairo 1.16 write a PDF qpdf rejects). A logo that is a
///   picture is given as a PNG or JPEG, where the raster limits apply.
/// - `filter` and every `fe…` primitive, and the `filter` property: librsvg 2.54 aborts the
///   process on `feConvolveMatrix order="21"` and runs for hours on `feTurbulence
///   numOctaves="1e8"`; a logo can do without blurs and shadows.
/// - `script`, `a` (its children are kept, the link is not: a sheet's links are its own),
///   `animate…`, `set`, `cursor`, `view`, `font`/`font-face` (SVG fonts load glyph files).
/// - XInclude (`xi:include`) and any element of another namespace: librsvg follows XInclude.
/// - `textPath` is kept: it draws text along a path of the same file.
enum SVGAllowList {
    /// Elements kept with their allowed attributes and children.
    static let elements: Set<String> = [
        "svg", "g", "defs", "symbol", "use", "switch",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern",
        "clipPath", "mask", "marker", "style",
    ]

    /// Elements that draw something (the rest only hold or define).
    static let drawing: Set<String> = ["path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "use"]

    /// Elements whose content is drawn only where something refers to it.
    static let definitions: Set<String> = ["defs", "symbol", "linearGradient", "radialGradient", "pattern", "clipPath", "mask", "marker"]

    /// Elements that draw nothing and refer to nothing: left out without a word (every editor
    /// writes them).
    static let silentlyLeftOut: Set<String> = ["metadata", "title", "desc"]

    /// Editors' namespaces whose elements are left out without a word (Inkscape's named view).
    static let editorNamespaces: Set<String> = [
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    ]

    /// Elements whose `href` is kept, when it is a fragment of this file (`#id`).
    static let referring: Set<String> = ["use", "linearGradient", "radialGradient", "pattern", "textPath"]

    /// Attributes that are not presentation properties.
    static let attributes: Set<String> = [
        "id", "class", "transform", "viewBox", "preserveAspectRatio", "width", "height",
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
        "d", "points", "pathLength", "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
        "offset", "gradientUnits", "gradientTransform", "spreadMethod",
        "patternUnits", "patternContentUnits", "patternTransform",
        "clipPathUnits", "maskUnits", "maskContentUnits",
        "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
    ]

    /// CSS properties, allowed in `style` and as presentation attributes.
    static let properties: Set<String> = [
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color",
        "display", "visibility", "overflow", "clip", "clip-path", "clip-rule", "mask", "mask-type",
        "marker", "marker-start", "marker-mid", "marker-end", "stop-color", "stop-opacity",
        "font", "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
        "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing",
        "word-spacing", "text-decoration", "writing-mode", "direction", "unicode-bidi",
        "paint-order", "vector-effect", "shape-rendering", "text-rendering", "color-interpolation",
        "mix-blend-mode", "isolation",
    ]

    /// Properties and attributes reported when left out (the rest are editors' notes, dropped
    /// without a word).
    static let reportedWhenLeftOut: Set<String> = ["filter", "src", "cursor", "behavior", "-moz-binding", "content", "background", "background-image"]

    /// Attributes whose value is a transform list.
    static let transforms: Set<String> = ["transform", "gradientTransform", "patternTransform"]

    /// Attributes whose numbers are written without separators (`M10-5`): every digit run counts.
    static let pathData: Set<String> = ["d", "points"]

    /// The functions a value may call: colours, transforms, and `url(#id)` (checked apart).
    static let colourFunctions: Set<String> = ["rgb", "rgba", "hsl", "hsla"]
    static let transformFunctions: Set<String> = ["matrix", "translate", "scale", "rotate", "skewx", "skewy"]
}
