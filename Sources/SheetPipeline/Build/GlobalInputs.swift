import Foundation
import SheetCore
import SheetLayout
import SheetSurvey

/// Digests of the inputs every sheet shares: taxonomy, template folder, survey files, tool
/// version, paper, language and date.
struct GlobalInputs: Equatable {
    var taxonomy: String
    var template: String
    var surveys: String
    var tool: String
    var paper: String
    /// `--language`, nil when each profile's own language is used.
    var language: String?
    var date: String

    init(configuration: RunConfiguration, paper: String) {
        let profiles = configuration.profilesDirectory
        taxonomy = Fingerprint.file(
            (profiles as NSString).appendingPathComponent(ProfileDiscovery.taxonomyFileName), limit: YAMLDocument.maximumFileSize) ?? "none"
        // Each file no larger than the most read of a file there: an icon SVG or a logo-sized
        // file in a template, a survey export in `surveys/`.
        template = Fingerprint.tree(configuration.templateDirectory, limit: ImageProbe.maximumFileSize)
        surveys = Fingerprint.tree(
            (profiles as NSString).appendingPathComponent(SurveyMerger.folderName), limit: SurveyCSV.maximumFileSize)
        tool = configuration.creator
        self.paper = paper
        language = configuration.language
        date = LayoutOptions(date: configuration.date, creator: configuration.creator).dateText
    }

    /// Whether a sheet made from `inputs` shares these, survey files aside.
    func matches(_ inputs: Manifest.SheetInputs, includingSurveys: Bool) -> Bool {
        inputs.taxonomy == taxonomy && inputs.template == template && inputs.tool == tool && inputs.paper == paper
            && inputs.language == language && inputs.date == date && (!includingSurveys || inputs.surveys == surveys)
    }
}
