import Foundation
import SheetCore
import SheetLayout
import SheetPipeline
import SheetRender
import TestSupport
import Testing

/// How full the pages of every sample and fixture are, on the frame tree that layout makes
/// with Pango's metrics (the sheets' own), for every template on both papers.
@Suite("Page fill of every sample and fixture", .serialized)
struct PageFillTests {
    static let templates = ["standard", "compact"]
    static let folders = ["profiles", "Tests/Fixtures/sheets"]

    /// A laid-out sheet and the template it was laid out on.
    struct LaidOut {
        var id: String
        var template: Template
        var result: LayoutResult
    }

    static func layouts(template name: String, paper: PaperSize) throws -> [LaidOut] {
        let measurer = PangoTextMeasurer()
        var sheets: [LaidOut] = []
        for folder in folders {
            let configuration = RunConfiguration(
                profilesDirectory: CommandRunner.repositoryRoot + "/" + folder,
                templateDirectory: CommandRunner.repositoryRoot + "/templates/" + name,
                outputDirectory: "/nonexistent", paper: paper, date: Date(timeIntervalSince1970: 1_767_225_600), currentYear: 2026)
            let inputs = CheckStage.run(SurveyStage.run(try LoadStage.run(configuration, selection: []), configuration: configuration))
            #expect(inputs.invalidFiles.isEmpty, "\(inputs.invalidFiles)")
            for profile in inputs.profiles {
                let result = LayoutStage.run(profile, inputs: inputs, configuration: configuration, measurer: measurer)
                sheets.append(LaidOut(id: profile.id, template: inputs.template, result: result))
            }
        }
        #expect(sheets.count >= 10)
        return sheets
    }

    /// The part of a page that content may use, and how much of it the content uses: from the
    /// top of the first section (the title band's, or the first under the running header) to
    /// the space above the footer.
    static func usage(_ page: Page, template: Template) -> (used: Double, available: Double) {
        let bottom = page.size.height - template.margins.bottom
        let sections = page.frame.sections().map(\.bounds)
        let top = sections.map(\.minY).min() ?? template.margins.top
        let lowest = sections.map(\.maxY).max() ?? top
        return (lowest - top, bottom - top)
    }

    static let papers: [PaperSize] = [.letter, .a4]

    /// No page but the last is less than half full, and no two neighbouring pages would fit
    /// on one: the first's content, a section gap and the second's, in the first's space.
    @Test(arguments: templates, papers)
    func noPageButTheLastIsHalfEmptyAndNoTwoNeighboursFitOnOne(template name: String, paper: PaperSize) throws {
        for sheet in try Self.layouts(template: name, paper: paper) {
            #expect(!sheet.result.diagnostics.contains { $0.severity == .error }, "\(sheet.id): \(sheet.result.diagnostics.map(\.message))")
            let pages = sheet.result.document.pages
            let usage = pages.map { Self.usage($0, template: sheet.template) }
            for (index, page) in usage.enumerated().dropLast() {
                #expect(page.used >= 0.5 * page.available, "\(name) \(paper.label) \(sheet.id): page \(index + 1) is \(Int(100 * page.used / page.available))% full")
                let next = usage[index + 1]
                #expect(page.used + sheet.template.spacing.section + next.used > page.available,
                        "\(name) \(paper.label) \(sheet.id): pages \(index + 1) and \(index + 2) would fit on one (\(Int(page.used)) + \(Int(next.used)) of \(Int(page.available)) pt)")
            }
        }
    }
}
