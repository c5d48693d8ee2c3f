import Foundation
import SheetCore
import SheetLayout
import SheetRender

/// Stage 5: a laid-out sheet painted into PDF and PNG bytes. Writing them is `OutputStage`'s.
public enum RenderStage {
    public static func pdf(_ document: SheetDocument, renderer: SheetRenderer) throws(PipelineError) -> Data {
        do {
            return try renderer.pdfData(document)
        } catch {
            throw .renderFailed(id: document.metadata.title, reason: String(describing: error))
        }
    }

    public static func png(_ page: Page, scale: Double, name: String, renderer: SheetRenderer) throws(PipelineError) -> Data {
        do {
            return try renderer.pngData(page, scale: scale)
        } catch {
            throw .renderFailed(id: name, reason: String(describing: error))
        }
    }

    /// Decodes every image a profile uses, so that a corrupt or truncated logo is a diagnostic
    /// before anything is written.
    public static func checkImages(_ profile: Profile) -> [Diagnostic] {
        guard let logo = profile.logo else { return [] }
        let format: PositionedImage.Format = switch logo.format {
        case .png: .png
        case .jpeg: .jpeg
        case .svg: .svg
        }
        guard let problem = ImageDecoder.check(path: logo.resolvedPath, format: format) else { return [] }
        var location = SourceLocation(file: profile.file, line: 1, column: 1)
        if case .profile(let origin)? = profile.origins["logo"] { location = origin }
        // The reason alone: the path is the one the profile wrote, not the resolved one, and the
        // message stays on one line whatever librsvg or libpng says.
        var reason = "\(problem)"
        if case .imageDecodeFailed(_, _, let detail) = problem { reason = detail }
        let firstLine = reason.split(whereSeparator: \.isNewline).first.map(String.init) ?? reason
        return [.error(at: location, "logo '\(ScalarRules.shown(logo.path, limit: 200))' cannot be decoded: \(ScalarRules.shown(firstLine.trimmingWhitespace().lowercasedFirstLetter, limit: 160))",
                       hint: "export the image again", field: "logo")]
    }
}

extension String {
    /// With a lowercase first letter, as diagnostics are written.
    fileprivate var lowercasedFirstLetter: String {
        // Not an acronym: "XML parse error" stays as it is.
        guard let first, first.isUppercase, dropFirst().first?.isUppercase != true else { return self }
        return first.lowercased() + dropFirst()
    }
}
