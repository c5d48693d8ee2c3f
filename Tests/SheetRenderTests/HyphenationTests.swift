import CPangoCairo
import Foundation
import SheetCore
import SheetLayout
@testable import SheetRender
import TestSupport
import Testing

@Suite("Hyphenation")
struct HyphenationTests {
    let measurer = PangoTextMeasurer()
    static let softHyphen = "\u{AD}"

    /// `words` with a `=` at every point the dictionary for `language` allows a break (in a
    /// paragraph that goes on after them: its last word is never hyphenated).
    private func marked(_ words: String, _ language: String, last: Bool = false) -> String {
        let ending = last ? "" : " …"
        var text = ParagraphText([RichSpan(words + ending)])
        text.insertSoftHyphens(at: Hyphenator.shared.softHyphenOffsets(in: text.utf8, language: language))
        let marked = String(decoding: text.utf8, as: UTF8.self).replacingOccurrences(of: Self.softHyphen, with: "=")
        return String(marked.dropLast(ending.count))
    }

    /// The text each line shows (a soft hyphen only at its end, where the line broke and a hyphen
    /// is drawn), and the lines' widths.
    private func lines(_ block: TextBlock) -> [(text: String, width: Double)] {
        laidOutLines(block).map { (Self.shown($0.text), $0.width) }
    }

    /// The text of each line as laid out: the soft hyphens no line broke at are still in it.
    private func laidOutLines(_ block: TextBlock) -> [(text: String, width: Double)] {
        measurer.withLayout(of: block) { layout in
            layout.paragraphs.flatMap { paragraph in
                let bytes = Array(String(cString: pango_layout_get_text(paragraph.layout)).utf8)
                return paragraph.lines.map { line in
                    (String(decoding: bytes[line.startIndex..<(line.startIndex + line.length)], as: UTF8.self), line.width)
                }
            }
        }
    }

    /// `text` without the soft hyphens before its last character: what a laid-out line shows.
    private static func shown(_ text: String) -> String {
        guard let last = text.last else { return text }
        return text.dropLast().replacingOccurrences(of: softHyphen, with: "") + String(last)
    }

    /// How many soft hyphens of `block`'s layout lie inside a glyph cluster that starts before
    /// them (a ligature formed across them).
    private func softHyphensInsideClusters(_ block: TextBlock) -> Int {
        measurer.withLayout(of: block) { layout in
            var count = 0
            for paragraph in layout.paragraphs {
                guard let text = pango_layout_get_text(paragraph.layout) else { continue }
                for line in paragraph.lines {
                    var run = line.line.pointee.runs
                    while let node = run {
                        defer { run = node.pointee.next }
                        guard let item = node.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self).pointee,
                              let glyphs = item.glyphs?.pointee, let pangoItem = item.item?.pointee else { continue }
                        let starts = Set((0..<Int(glyphs.num_glyphs)).map { Int(glyphs.log_clusters[$0]) })
                        let bytes = UnsafeRawPointer(text + Int(pangoItem.offset)).assumingMemoryBound(to: UInt8.self)
                        for index in 0..<max(0, Int(pangoItem.length) - 1) where bytes[index] == 0xC2 && bytes[index + 1] == 0xAD {
                            if !starts.contains(index) { count += 1 }
                        }
                    }
                }
            }
            return count
        }
    }

    /// A width between the widths of `fits` and `tooWide` set unbroken, so that the first line of
    /// a paragraph that starts with `tooWide` has to end within it.
    private func width(between fits: String, and tooWide: String, style: TextStyle = Fixtures.body) -> Double {
        let narrow = measurer.measure(Fixtures.block(fits, width: nil, style: style)).size.width
        let wide = measurer.measure(Fixtures.block(tooWide, width: nil, style: style)).size.width
        #expect(narrow < wide)
        return (narrow + wide) / 2
    }

    /// `pdftotext` lines of a page showing `blocks` one under the other.
    private func extractedLines(_ blocks: [TextBlock]) throws -> [String] {
        var frame = Frame(size: Size(width: 400, height: 100 + 200 * Double(blocks.count)))
        for (index, block) in blocks.enumerated() {
            frame.append(.text(PositionedText(origin: Point(x: 20, y: 20 + 200 * Double(index)), block: block, metrics: measurer.measure(block))))
        }
        let document = SheetDocument(pages: [Page(size: frame.size, frame: frame, title: "Text")], metadata: Fixtures.metadata())
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("hyphens.pdf").path
        try SheetRenderer().renderPDF(document, to: path)
        return try CommandRunner.run("pdftotext", [path, "-"]).stdout.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "\u{0C}" }
    }

    @Test func dictionariesFollowTheLanguageTag() {
        #expect(Hyphenator.candidateNames(for: "pt-BR") == ["hyph_pt_BR.dic", "hyph_pt.dic"])
        #expect(Hyphenator.candidateNames(for: "pt-PT").first == "hyph_pt_PT.dic")
        #expect(Hyphenator.candidateNames(for: "en") == ["hyph_en_US.dic", "hyph_en.dic"])
        #expect(Hyphenator.candidateNames(for: "en-GB") == ["hyph_en_GB.dic", "hyph_en_US.dic", "hyph_en.dic"])
        #expect(Hyphenator.candidateNames(for: "EN_gb").first == "hyph_en_GB.dic")
        #expect(Hyphenator.candidateNames(for: "de") == ["hyph_de_DE.dic", "hyph_de.dic"])
        #expect(Hyphenator.candidateNames(for: "sr-Latn-RS").first == "hyph_sr_RS.dic")
        #expect(Hyphenator.candidateNames(for: "es-419") == ["hyph_es_ES.dic", "hyph_es.dic"])
        #expect(Hyphenator.candidateNames(for: "no").first == "hyph_nb_NO.dic")
        #expect(Hyphenator.candidateNames(for: "fr-x-private").first == "hyph_fr_FR.dic")
        for tag in ["", "x-klingon", "../../etc/passwd", "e", "english", "de/../x"] {
            #expect(Hyphenator.candidateNames(for: tag).isEmpty, "\(tag)")
        }
        // Installed by scripts/setup.sh; each tag finds its own file or the language's default.
        for tag in ["en", "en-US", "en-GB", "en-IN", "de", "de-AT", "fr", "es", "it", "nl", "pt-BR", "pt-PT", "pt", "sv", "pl", "ru"] {
            #expect(Hyphenator.shared.dictionary(for: tag) != nil, "\(tag)")
        }
        #expect(Hyphenator.shared.dictionary(for: "pt-BR") !== Hyphenator.shared.dictionary(for: "pt-PT"))
        #expect(Hyphenator.shared.dictionary(for: "en-IN") === Hyphenator.shared.dictionary(for: "en"))
        for tag in ["ja", "am", "ar", "yo", "zh-Hans", "tlh", "x-none"] {
            #expect(Hyphenator.shared.dictionary(for: tag) == nil, "\(tag)")
        }
    }

    @Test func wordsBreakAtDictionaryPoints() {
        #expect(marked("community hyphenation", "en") == "com=mu=nity hy=phen=ation")
        #expect(marked("Community", "en") == "Com=mu=nity")
        // Words under six letters stay whole, and at least three letters go to the next line
        // (the dictionary would allow "hy-phen-at-ed").
        #expect(marked("people every table into water hyphenated", "en") == "peo=ple every table into water hy=phen=ated")
        // Typed rather than written: addresses, numbers, acronyms, names with inner capitals,
        // and words whose author already placed soft hyphens.
        let verbatim = "https://example.org/community user@community.org community.org 2024community UNESCO GitHub com\u{AD}munity"
        #expect(marked(verbatim, "en") == verbatim.replacingOccurrences(of: Self.softHyphen, with: "="))
        // Each part of a hyphenated compound and each word in punctuation.
        #expect(marked("(community-building)", "en").hasPrefix("(com=mu=nity-build"))
        // Not the paragraph's last word, which would leave a stub alone on the last line.
        #expect(marked("community hyphenation.", "en", last: true) == "com=mu=nity hyphenation.")
        #expect(marked("community hyphenation \n ", "en", last: true) == "com=mu=nity hyphenation \n ")
    }

    @Test func germanUsesTheGermanDictionary() {
        // The German file is ISO-8859-1: converted when it loads, so umlauts match.
        #expect(marked("Gemeinschaftsveranstaltungen", "de") == "Ge=mein=schafts=ver=an=stal=tun=gen")
        #expect(marked("Überprüfung", "de-AT") == "Über=prü=fung")
        #expect(marked("Gemeinschaftsveranstaltungen", "en") != marked("Gemeinschaftsveranstaltungen", "de"))
        #expect(marked("organização internacional", "pt-BR") == "or=ga=ni=za=ção in=ter=na=ci=o=nal")

        let style = Fixtures.body
        let width = width(between: "Gemeinschafts-", and: "Gemeinschaftsver-", style: style)
        let block = Fixtures.block("Gemeinschaftsveranstaltungen der Forschungsdatenzentren", width: width, language: "de")
        let laidOut = lines(block)
        #expect(laidOut.first?.text == "Gemeinschafts" + Self.softHyphen, "\(laidOut.map(\.text))")
        #expect(laidOut.allSatisfy { $0.width <= width })
    }

    @Test func languagesWithoutADictionaryAreUnchanged() {
        for (text, language) in [
            ("日本語の文章を測ります。日本語の文章を測ります。", "ja"), ("ሰላም ለዓለም፣ እንዴት ነህ", "am"),
            ("مرحبا بالعالم والمجتمعات", "ar"), ("Ẹ kú àárọ̀, ṣé dáadáa ni ọjọ́ rẹ?", "yo"),
            ("Our community organises international representatives", "tlh"),
        ] {
            let block = Fixtures.block(text, width: 60, language: language)
            let text = measurer.withLayout(of: block) { layout in
                layout.paragraphs.map { String(cString: pango_layout_get_text($0.layout)) }.joined()
            }
            #expect(!text.contains(Self.softHyphen), "\(language)")
            #expect(text == block.plainText)
        }
    }

    /// Titles and other text of 14 pt or more, and blocks without a width, get no soft hyphens.
    @Test func displaySizesAndUnbrokenBlocksAreNotHyphenated() {
        let text = "Federated community infrastructure for international representatives"
        func layoutText(_ block: TextBlock) -> String {
            measurer.withLayout(of: block) { String(cString: pango_layout_get_text($0.paragraphs[0].layout)) }
        }
        let title = TextStyle(family: "Noto Sans", size: 17, weight: .bold)
        #expect(layoutText(Fixtures.block(text, width: 120, style: title)) == text)
        #expect(layoutText(Fixtures.block(text, width: nil)) == text)
        #expect(layoutText(Fixtures.block(text, width: 120)).contains(Self.softHyphen))
    }

    /// A line ends with a hyphen at a dictionary point, and the PDF shows it there (as the soft
    /// hyphen it stands for, which PDF text extraction expects at a hyphenated line end). The
    /// layout keeps a soft hyphen at every other dictionary point too, but Pango draws nothing
    /// there, and the PDF's text leaves them out, ligatures across them included.
    @Test func hyphensAppearOnlyWhereLinesBreak() throws {
        let width = width(between: "Our commu-", and: "Our community")
        let narrow = Fixtures.block("Our community offers briefings and workshops on effective stewardship.", width: width)
        let laidOut = lines(narrow)
        #expect(laidOut.first?.text == "Our commu" + Self.softHyphen, "\(laidOut.map(\.text))")
        #expect(laidOutLines(narrow).first?.text == "Our com" + Self.softHyphen + "mu" + Self.softHyphen)
        for line in laidOut {
            #expect(line.width <= width)
        }
        // The same words in a wide block: hyphenation points everywhere, no line breaks.
        let wide = Fixtures.block("Our community offers briefings and workshops on effective stewardship.", width: 380)
        #expect(lines(wide).count == 1)
        #expect(laidOutLines(wide).first?.text.contains("brief" + Self.softHyphen + "ings") == true)
        #expect(softHyphensInsideClusters(wide) > 0, "the \"fi\" ligature spans the soft hyphen of brief-ings")

        let extracted = try extractedLines([narrow, wide])
        #expect(extracted.first == "Our commu" + Self.softHyphen, "\(extracted)")
        #expect(extracted.contains("Our community offers briefings and workshops on effective stewardship."), "\(extracted)")
        for line in extracted {
            #expect(!line.dropLast().contains(Self.softHyphen), "a soft hyphen inside \(line)")
        }
        // Every hyphenated line end joins with the next line into words of the original.
        let joined = extracted.prefix(laidOut.count).map { $0.hasSuffix(Self.softHyphen) ? String($0.dropLast()) : $0 + " " }.joined()
        #expect(joined.trimmingCharacters(in: .whitespaces) == narrow.plainText)
    }

    /// At most two lines in a row end with a hyphen; without the limit this paragraph would
    /// have longer runs.
    @Test func consecutiveHyphensAreLimited() {
        let text = "Internationalisation representatives, communication coordinators, documentation "
            + "maintainers, infrastructure administrators and collaboration facilitators organise "
            + "interdisciplinary hackathons, consultations and mentorship programmes internationally."
        var hyphenated = 0
        for width in stride(from: 70.0, through: 160, by: 7) {
            var run = 0
            for line in lines(Fixtures.block(text, width: width)) {
                run = line.text.hasSuffix(Self.softHyphen) ? run + 1 : 0
                hyphenated += run > 0 ? 1 : 0
                #expect(run <= Hyphenator.maximumConsecutiveHyphens, "width \(width)")
            }
        }
        #expect(hyphenated > 10)
    }

    @Test func measuringEqualsDrawing() throws {
        let text = "Hyphenation dictionaries help communities communicate internationally: representatives, "
            + "coordinators and collaborators of the organisation."
        let blocks = [60.0, 85, 120].map { Fixtures.block(text, width: $0) }
        let extracted = try extractedLines(blocks)
        let measured = blocks.map { measurer.measure($0).lineCount }
        #expect(extracted.count == measured.reduce(0, +), "\(extracted) vs \(measured)")
        #expect(extracted.contains { $0.hasSuffix(Self.softHyphen) }, "some line is hyphenated")
        // The same lines as laid out, line by line; the lines layout carries say the same.
        let laidOut = blocks.flatMap { lines($0).map { $0.text.trimmingCharacters(in: .whitespaces) } }
        let carried = blocks.flatMap { block in
            measurer.measure(block).lines.map { line in
                (line.spans.map(\.text).joined() + (line.hyphenated ? Self.softHyphen : "")).trimmingCharacters(in: .whitespaces)
            }
        }
        #expect(extracted == carried)
        // Where Pango broke inside a word that had no soft hyphen left (the hyphenation limit
        // took them away), it drew a hyphen too; the PDF now carries a soft hyphen there, so that
        // extraction joins the word again.
        #expect(zip(carried, laidOut).allSatisfy { $0 == $1 || $0 == $1 + Self.softHyphen }, "\(carried) vs \(laidOut)")
        #expect(carried.contains("internation" + Self.softHyphen))
    }

    /// The lines layout carries: a soft hyphen only where a line broke at one (drawn as a
    /// hyphen), none of the others, and the text of the lines is the paragraph's.
    @Test func linesCarryNoSoftHyphens() {
        let width = width(between: "Our commu-", and: "Our community")
        let block = Fixtures.block("Our community offers briefings and workshops on effective stewardship.", width: width)
        let lines = measurer.measure(block).lines
        #expect(lines.first?.spans.map(\.text).joined() == "Our commu")
        #expect(lines.first?.hyphenated == true)
        for line in lines { #expect(!line.spans.contains { $0.text.contains(Self.softHyphen) }) }
        // A line that did not hyphenate keeps the space it broke at.
        let joined = lines.map { $0.spans.map(\.text).joined() }.joined()
        #expect(joined.trimmingCharacters(in: .whitespaces) == block.plainText)
        #expect(lines.last?.hyphenated == false)
    }

    /// Soft hyphens shift the bytes after them: a link's boxes still cover exactly its words,
    /// the hyphen at the end of a broken link included.
    @Test func linkBoxesOfHyphenatedLinks() {
        let url = "https://example.org/communities"
        let width = width(between: "Read the commu-", and: "Read the community")
        let block = TextBlock(
            paragraphs: [[RichSpan("Read the "), RichSpan("community documentation", link: url), RichSpan(" today, with organisers.")]],
            style: Fixtures.body, width: width)
        let metrics = measurer.measure(block)
        let layout = measurer.withLayout(of: block) { layout in
            let paragraph = layout.paragraphs[0]
            let bytes = Array(String(cString: pango_layout_get_text(paragraph.layout)).utf8)
            let link = paragraph.links[0]
            let linkText = String(decoding: bytes[link.start..<link.end], as: UTF8.self)
            return (linkText, paragraph.lines.map { ($0.x, $0.width, Self.shown(String(decoding: bytes[$0.startIndex..<($0.startIndex + $0.length)], as: UTF8.self))) })
        }
        #expect(layout.0.replacingOccurrences(of: Self.softHyphen, with: "") == "community documentation")
        #expect(layout.1.first?.2 == "Read the commu" + Self.softHyphen, "\(layout.1.map(\.2))")
        #expect(metrics.links.count >= 2)
        #expect(metrics.links.allSatisfy { $0.url == url })
        let first = metrics.links[0]
        let plain = measurer.measure(Fixtures.block("Read the ", width: nil)).size.width
        // Starts after "Read the " and runs to the end of the line, over the hyphen.
        #expect(abs(first.rect.minX - plain) < 0.5)
        #expect(abs(first.rect.maxX - (layout.1[0].0 + layout.1[0].1)) < 0.5)
        // The rest of the link starts the next line.
        #expect(metrics.links[1].rect.minX < 0.5)
        #expect(metrics.links[1].rect.minY == first.rect.maxY)
    }

    /// Soft hyphens inserted into text with styled spans move the spans' byte ranges with them.
    @Test func spanRangesMoveWithSoftHyphens() {
        var text = ParagraphText([RichSpan("commu", strong: true), RichSpan("nity "), RichSpan("hyphenation", link: "https://example.org")])
        // "com|mu|nity hy|phen|ation": offsets 3, 5, 12, 16.
        text.insertSoftHyphens(at: [3, 5, 12, 16])
        let string = String(decoding: text.utf8, as: UTF8.self)
        #expect(string == "com\u{AD}mu\u{AD}nity hy\u{AD}phen\u{AD}ation")
        func slice(_ run: ParagraphText.Run) -> String { String(decoding: text.utf8[run.start..<run.end], as: UTF8.self) }
        // The soft hyphen at the end of the bold span belongs to it.
        #expect(text.runs.map(slice) == ["com\u{AD}mu\u{AD}", "hy\u{AD}phen\u{AD}ation"])
        #expect(text.softHyphens == [3, 5, 12, 16])
        // Offsets outside the text, repeated or inside a character are ignored.
        var other = ParagraphText([RichSpan("Überprüfung")])
        other.insertSoftHyphens(at: [0, 3, 3, 8, 2, 100])
        #expect(String(decoding: other.utf8, as: UTF8.self) == "\u{DC}b\u{AD}erpr\u{FC}fung")
    }

    /// Dictionaries in other encodings are converted; unknown encodings are refused.
    /// The shortcuts for ASCII answer as Unicode's properties do.
    @Test func asciiShortcutsAgreeWithUnicode() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            let category = scalar.properties.generalCategory
            let letter = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter].contains(category)
            let mark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(category)
            #expect(HyphenationCandidates.isLetter(scalar) == letter, "\(value)")
            #expect(HyphenationCandidates.isMark(scalar) == mark, "\(value)")
            #expect(HyphenationCandidates.isWhitespace(scalar) == scalar.properties.isWhitespace, "\(value)")
        }
        // Capitals and digits through the shortcuts: names, acronyms and numbers stay whole.
        let words = HyphenationCandidates.words(in: Array("GitHub UNESCO Community 2025abcdef Ünterwegs communities end".utf8), minimumLength: 6)
        #expect(words.map { String(decoding: $0.lowercased, as: UTF8.self) } == ["community", "ünterwegs", "communities"])
    }

    @Test func dictionaryEncodings() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Patterns: a break between "ä" and "ö", written in ISO-8859-1.
        try Data([0x49, 0x53, 0x4F, 0x38, 0x38, 0x35, 0x39, 0x2D, 0x31, 0x0A]  // "ISO8859-1\n"
            + Array("LEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n".utf8) + [0xE4, 0x31, 0xF6, 0x0A])
            .write(to: directory.appendingPathComponent("hyph_xx_XX.dic"))
        try Data("NO-SUCH-CHARSET\na1b\n".utf8).write(to: directory.appendingPathComponent("hyph_yy_YY.dic"))
        let hyphenator = Hyphenator(directories: [directory.path])
        let latin = try #require(hyphenator.dictionary(for: "xx-XX"))
        #expect(latin.breaks(in: Array("aaäöaa".utf8)) == [false, false, true, false, false, false])
        #expect(hyphenator.dictionary(for: "yy-YY") == nil)
        #expect(hyphenator.dictionary(for: "en") == nil, "only the directories given")
    }
}
