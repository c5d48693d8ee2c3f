/// Unicode's invisible marks and isolates for bidirectional text (U+200E LEFT-TO-RIGHT MARK,
/// U+200F, U+061C ARABIC LETTER MARK, the embeddings U+202A–U+202E and isolates
/// U+2066–U+2069): they order a text's runs when it is shown, and mean nothing where text is
/// only read in its logical order, as an alternative text is (a screen reader skips them; a
/// braille display may show them as codes).
enum BidiMarks {
    static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(where: isMark) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isMark($0) })
        return String(scalars)
    }

    /// Unicode's Bidi_Control property, which is exactly these twelve scalars (the one
    /// `DiagnosticRenderer.escaped` escapes by).
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isBidiControl
    }
}
