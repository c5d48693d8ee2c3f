import Foundation
import TestSupport
import Testing

/// The structure tree of rendered samples (issue 17): element types in reading order, header
/// scopes, alternative texts and languages.
@Suite("Sheet structure", .serialized)
struct SheetStructureTests {
    static let build = Result { () throws -> String in
        let output = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.profilesheet(["build", "cm-reading-circle", "arab-rse-network", "--output", output])
        guard run.status == 0 else { throw StructureOutline.Failure(description: run.stderr) }
        return output
    }

    @Test func theSmallestSampleExactly() throws {
        let lines = try StructureOutline.lines(of: try Self.build.get() + "/cm-reading-circle.pdf")
        #expect(lines == Self.readingCircle, "\(lines.joined(separator: "\n"))")
    }

    @Test func anArabicSheetIsTaggedInArabicWithItsLatinNames() throws {
        let lines = try StructureOutline.lines(of: try Self.build.get() + "/arab-rse-network.pdf")
        let text = lines.joined(separator: "\n")
        #expect(lines.first == "Document")
        #expect(lines.dropFirst().first == "  Sect")
        #expect(lines.dropFirst(2).first == "    H1", "the name, in the document's language: no Lang of its own")
        // The heading holds the name and the template's "ملف المجتمع 2025", all in the
        // document's language: no spans of other languages in it.
        #expect(lines.dropFirst(3).first == "    P", "\(text)")
        // The template's headings are in Arabic, the document's language: no Lang of their own.
        #expect(text.contains("\n    H2\n"), "\(text)")
        #expect(!text.contains("H2 lang="), "\(text)")
        #expect(text.contains("    Figure alt=\"شعار الشبكة العربية لمهندسي البرمجيات البحثية\"\n"), "\(text)")
        // The chart's alternative text is the template's Arabic words around the profile's
        // regions (their names the template's too), listed as Arabic lists: Arabic, the
        // document's language, with no Lang of its own (once Lang=en, when the regions' Latin
        // names outnumbered its Arabic letters: AccessiblePDFTests keeps that case). Its
        // percentages are as the chart shows them, without the U+200E marks ICU puts around
        // the sign for display (nor the isolates of ICU's list), which a reader does not need.
        #expect(text.contains(
            "    Figure alt=\"الأعضاء حسب المنطقة: بلاد الشام 30% والمغرب العربي 22% والخليج العربي 20% ومصر والسودان 18% والمهجر 10%\""), "\(text)")
        #expect(!text.contains("Figure lang="), "\(text)")
        #expect(!text.contains("\u{200E}"), "\(text)")
        #expect(lines.filter { $0.hasSuffix("H1") || $0.contains("H1 ") }.count == 1)
    }

    /// The reading circle's sheet (no logo, one activity), as a reader meets it: the title band
    /// (the name with "Community profile 2025" in one heading, the type), the mission, each section's heading and
    /// content; the participation model as a figure described in words holding its modes; the
    /// contact details as a table whose cells hold links.
    static let readingCircle: [String] = [
        #"Document"#,
        #"  Sect"#,
        #"    H1"#,
        #"    P"#,
        #"  Sect"#,
        #"    P"#,
        #"  Sect"#,
        #"    H2"#,
        #"    L"#,
        #"      LI"#,
        #"        LBody"#,
        #"  Sect"#,
        #"    H2"#,
        #"    P"#,
        #"  Sect"#,
        #"    H2"#,
        #"    P"#,
        #"  Sect"#,
        #"    H2"#,
        #"    Figure alt="Programming through the Community Participation Model: Convey: No activities reported. Contribute: No activities reported. Collaborate: Monthly discussion call on the month's reading. Co-create: No activities reported. Champion: No activities reported.""#,
        #"      H3"#,
        #"      P"#,
        #"      P"#,
        #"      H3"#,
        #"      P"#,
        #"      P"#,
        #"      H3"#,
        #"      P"#,
        #"      P"#,
        #"      H3"#,
        #"      P"#,
        #"      L"#,
        #"        LI"#,
        #"          Lbl"#,
        #"          LBody"#,
        #"      H3"#,
        #"      P"#,
        #"      P"#,
        #"  Sect"#,
        #"    H2"#,
        #"    Table"#,
        #"      TR"#,
        #"        TH scope=Row"#,
        #"        TD"#,
        #"          Link"#,
        #"            (annotation)"#,
        #"  Sect"#,
        #"    H2"#,
        #"    L"#,
        #"      LI"#,
        #"        Lbl"#,
        #"        LBody"#,
        #"  Sect"#,
        #"    H2"#,
        #"    L"#,
        #"      LI"#,
        #"        Lbl"#,
        #"        LBody"#,
        #"  Sect"#,
        #"    H2"#,
        #"    P"#,
        #"    Link"#,
        #"      (annotation)"#,
        #"    Link"#,
        #"      (annotation)"#,
    ]
}
