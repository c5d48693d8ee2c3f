import CPangoCairo

/// Settles which of a paragraph's dictionary soft hyphens its layout keeps. Part of the shared
/// layout function, so measuring and drawing settle on the same ones: at most
/// `Hyphenator.maximumConsecutiveHyphens` lines in a row end with a hyphen. Past that, the word
/// broken at the end of the next line loses its soft hyphens and moves down whole, and the
/// paragraph is laid out again; repeated until no run is too long.
///
/// The soft hyphens no line broke at stay in the layout: Pango draws nothing for them, and
/// `HiddenSoftHyphenText` keeps them out of the text the PDF carries.
enum SoftHyphenFitting {
    /// Lays `layout` out through `setText` (which gives it `plain` with soft hyphens before the
    /// offsets it is handed and returns that text) and returns the text it ends up with.
    static func fit(
        plain: ParagraphText, offsets: [Int], layout: OpaquePointer, setText: (ParagraphText, [Int]) -> ParagraphText
    ) -> ParagraphText {
        var text = setText(plain, offsets)
        guard !text.softHyphens.isEmpty else { return text }

        // Each round takes one word's soft hyphens away, so the rounds are bounded; the cap only
        // keeps a pathological paragraph from costing many layouts.
        for _ in 0..<64 {
            guard let offset = firstHyphenOverTheLimit(text, layout: layout) else { break }
            let kept = text.softHyphens.filter { !sameToken(plain.utf8, $0, offset) }
            text = setText(plain, kept)
        }
        return text
    }

    /// Where the soft hyphen inserted before plain offset `offset` ends in the laid-out text,
    /// when it is the `index`-th one (each adds two bytes).
    private static func hyphenEnd(_ offset: Int, _ index: Int) -> Int {
        offset + 2 * (index + 1)
    }

    /// The plain offset of the soft hyphen ending the first line that makes the run of
    /// hyphenated lines too long; nil when no run is.
    private static func firstHyphenOverTheLimit(_ text: ParagraphText, layout: OpaquePointer) -> Int? {
        var hyphenAt: [Int: Int] = [:]
        for (index, offset) in text.softHyphens.enumerated() { hyphenAt[hyphenEnd(offset, index)] = offset }
        var run = 0
        for end in lineEnds(of: layout) {
            guard let offset = hyphenAt[end] else {
                run = 0
                continue
            }
            run += 1
            if run > Hyphenator.maximumConsecutiveHyphens { return offset }
        }
        return nil
    }

    /// Whether plain offsets `a` and `b` lie in the same white-space-separated token.
    private static func sameToken(_ utf8: [UInt8], _ a: Int, _ b: Int) -> Bool {
        let range = min(a, b)..<max(a, b)
        return !String(decoding: utf8[range], as: UTF8.self).unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// The byte offset just past each line of `layout`.
    private static func lineEnds(of layout: OpaquePointer) -> [Int] {
        var ends: [Int] = []
        guard let iterator = pango_layout_get_iter(layout) else { return ends }
        defer { pango_layout_iter_free(iterator) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { break }
            ends.append(Int(line.pointee.start_index) + Int(line.pointee.length))
        } while pango_layout_iter_next_line(iterator) != 0
        return ends
    }
}
