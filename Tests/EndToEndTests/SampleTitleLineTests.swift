import Foundation
import SheetCore
import SheetLayout
import SheetPipeline
import SheetRender
import TestSupport
import Testing

/// The Japanese sample's title as the sheet sets it, with Pango's metrics (issue 18, point 4):
/// once "研究データ基盤ユーザーコミュニ / ティ".
@Suite("Title lines of the samples with Pango")
struct SampleTitleLineTests {
    static func titleLines(_ id: String, template: String) throws -> [String] {
        let configuration = RunConfiguration(
            profilesDirectory: CommandRunner.repositoryRoot + "/profiles",
            templateDirectory: CommandRunner.repositoryRoot + "/templates/" + template,
            outputDirectory: "/nonexistent", paper: nil, date: Date(timeIntervalSince1970: 1_767_225_600), currentYear: 2026)
        let inputs = CheckStage.run(SurveyStage.run(try LoadStage.run(configuration, selection: []), configuration: configuration))
        let profile = try #require(inputs.profiles.first { $0.id == id })
        let result = LayoutStage.run(profile, inputs: inputs, configuration: configuration, measurer: PangoTextMeasurer())
        let page = try #require(result.document.pages.first)
        return page.frame.flattened().flatMap { placed -> [String] in
            if case .text(let text) = placed.item, text.field == "name" { text.metrics.lines.map(\.text) } else { [] }
        }
    }

    /// Between its words 研究|データ|基盤|ユーザー|コミュニティ, and balanced (greedily it would be
    /// "研究データ基盤ユーザー / コミュニティ").
    @Test func theJapaneseTitleBreaksBetweenItsWords() throws {
        #expect(try Self.titleLines("kenkyu-data-kiban", template: "standard") == ["研究データ基盤", "ユーザーコミュニティ"])
    }

    /// The compact sheet's smaller title holds it on one line.
    @Test func theCompactSheetSetsItOnOneLine() throws {
        #expect(try Self.titleLines("kenkyu-data-kiban", template: "compact") == ["研究データ基盤ユーザーコミュニティ"])
    }
}
