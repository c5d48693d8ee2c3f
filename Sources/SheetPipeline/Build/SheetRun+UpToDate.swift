import SheetCore
import SheetRender

extension SheetRun {
    /// Whether `sheet`, the manifest's entry for the profile `file`, is up to date by digests:
    /// the run's shared inputs (`globals`, survey files only when `includingSurveys`), the
    /// profile file and its logo, and its PDF and PNG still in place.
    func isUpToDate(_ sheet: Manifest.Sheet, file: String, globals: GlobalInputs, includingSurveys: Bool) -> Bool {
        guard sheet.openData != nil, globals.matches(sheet.inputs, includingSurveys: includingSurveys),
              Fingerprint.file(file, limit: YAMLDocument.maximumFileSize) == sheet.inputs.profile, outputsExist(sheet.id)
        else { return false }
        if let logoPath = sheet.inputs.logoPath {
            guard let logo = Fingerprint.file(logoPath, limit: ImageProbe.maximumFileSize) else { return false }
            return logo == sheet.inputs.logo
        }
        return true
    }

    /// Whether the sheet's PDF and PNG are in the output folder as regular files (not links,
    /// pipes or folders in their way: then the sheet is rendered again, and its files replace
    /// them).
    func outputsExist(_ id: String) -> Bool {
        let output = configuration.outputDirectory
        return AtomicFile.isRegularFile(path(in: output, id + ".pdf")) && AtomicFile.isRegularFile(path(in: output, id + ".png"))
    }

    /// The digests a sheet of `profile` is made from, as its manifest entry keeps them.
    func sheetInputs(for profile: Profile, globals: GlobalInputs, surveyRows: String) -> Manifest.SheetInputs {
        Manifest.SheetInputs(
            profile: Fingerprint.file(profile.file, limit: YAMLDocument.maximumFileSize) ?? "",
            logo: profile.logo.flatMap { Fingerprint.file($0.resolvedPath, limit: ImageProbe.maximumFileSize) },
            logoPath: profile.logo?.resolvedPath, taxonomy: globals.taxonomy, template: globals.template, surveys: globals.surveys,
            surveyRows: surveyRows, tool: globals.tool, paper: globals.paper, language: globals.language, date: globals.date)
    }
}
