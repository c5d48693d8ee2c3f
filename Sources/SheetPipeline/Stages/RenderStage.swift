import Foundation
import SheetCore
import SheetLayout
import SheetRender

/// Stage 5: a laid-out sheet painted into PDF and PNG bytes. Writing them is `OutputStage`'s.
public enum RenderStage {
    /// The sheet's PDF and its pages `pngPages` as PNG at `pngScale`, painted together so that
    /// each image is decoded once (not at all when `images` has it from `decodeImages`).
    public static func sheet(
        _ document: SheetDocument, images: ImageCache, pngScale: Double, pngPages: SheetRenderer.PNGPages, name: String,
        renderer: SheetRenderer
    ) throws(PipelineError) -> (pdf: Data, pngs: [Data]) {
        do {
            return try renderer.renderSheet(document, images: images, pngScale: pngScale, pngPages: pngPages)
        } catch {
            throw .renderFailed(id: name, reason: String(describing: error))
        }
    }

    /// The sheet PDF `pdf` of `profile` (after the test seam `alter`, when set) if it passes
    /// `PDFStructureCheck`; otherwise nil, with the error that says so (at the profile's file)
    /// added to `diagnostics`, so that a broken PDF is a diagnostic and never a file, and the
    /// other sheets still land.
    public static func checkedPDF(
        _ pdf: Data, name: String, of profile: Profile, alter: (@Sendable (String, Data) -> Data)?, diagnostics: inout [Diagnostic]
    ) -> Data? {
        checkedPDF(pdf, name: name, at: SourceLocation(file: profile.file, line: 1, column: 1), alter: alter, diagnostics: &diagnostics)
    }

    /// `checkedPDF` for a PDF of no one profile (a comparison): its error is at `location`.
    public static func checkedPDF(
        _ pdf: Data, name: String, at location: SourceLocation?, alter: (@Sendable (String, Data) -> Data)?, diagnostics: inout [Diagnostic]
    ) -> Data? {
        let bytes = alter?(name, pdf) ?? pdf
        do {
            try PDFStructureCheck.check(bytes)
            return bytes
        } catch {
            diagnostics.append(structureDiagnostic(name, error, at: location))
            return nil
        }
    }

    /// The error for the PDF `name` that failed its structure check with `error`.
    static func structureDiagnostic(_ name: String, _ error: PDFCheckError, at location: SourceLocation?) -> Diagnostic {
        .error(at: location, "'\(name)' failed the PDF structure check and was not written: \(ScalarRules.shown(error.description, limit: 200))",
               hint: "this is a fault of profilesheet or a library it uses, not of the profile; please report it with the profile and its logo")
    }

    /// Decodes every image a profile uses, so that a corrupt or truncated logo is a diagnostic
    /// before anything is written. For `validate`, which paints nothing.
    public static func checkImages(_ profile: Profile, isolation: IsolatedImageCheck? = nil) -> [Diagnostic] {
        guard let logo = profile.logo else { return [] }
        if let problem = isolatedProblem(logo, size: nil, isolation: isolation) { return logoDiagnostics(problem, profile: profile) }
        switch ImageDecoder.check(path: logo.resolvedPath, format: format(of: logo)) {
        case .success(let leftOut): return leftOutDiagnostics(leftOut, profile: profile)
        case .failure(let problem): return logoDiagnostics(problem, profile: profile)
        }
    }

    /// The same check for a sheet about to be painted: the images its layout draws are decoded
    /// into `images` at the size the PDF needs, so that painting does not decode them again. A
    /// logo the template does not draw is checked on its own, as `checkImages` does.
    public static func decodeImages(
        _ document: SheetDocument, of profile: Profile, renderer: SheetRenderer, into images: ImageCache, isolation: IsolatedImageCheck? = nil
    ) -> [Diagnostic] {
        if let logo = profile.logo, let problem = isolatedProblem(logo, size: drawnSize(document, imageAt: logo.resolvedPath), isolation: isolation) {
            return logoDiagnostics(problem, profile: profile)
        }
        if let problem = renderer.decodeImages(of: document, into: images) {
            return logoDiagnostics(problem, profile: profile)
        }
        guard let logo = profile.logo else { return [] }
        guard !draws(document, imageAt: logo.resolvedPath) else {
            return leftOutDiagnostics(images.leftOut(ofVectorAt: logo.resolvedPath), profile: profile)
        }
        return checkImages(profile)
    }

    private static func draws(_ document: SheetDocument, imageAt path: String) -> Bool {
        drawnSize(document, imageAt: path) != nil
    }

    /// The size the image at `path` is first drawn at in `document`, nil when it is not drawn.
    private static func drawnSize(_ document: SheetDocument, imageAt path: String) -> Size? {
        func find(_ frame: Frame) -> Size? {
            for item in frame.items {
                switch item {
                case .group(let child): if let size = find(child) { return size }
                case .image(let image) where image.path == path: return image.rect.size
                default: continue
                }
            }
            return nil
        }
        for page in document.pages { if let size = find(page.frame) { return size } }
        return nil
    }

    /// The size a logo is tried at when no layout says: about the standard sheet's.
    static let trialSize = Size(width: 144, height: 72)

    /// Why the logo cannot be decoded in this process, found by `isolation`'s child; nil when
    /// it can, or when there is no isolation.
    private static func isolatedProblem(_ logo: LogoFile, size: Size?, isolation: IsolatedImageCheck?) -> RenderError? {
        guard let isolation, case .failure(let problem) = isolation.check(path: logo.resolvedPath, format: format(of: logo), size: size ?? trialSize) else {
            return nil
        }
        return problem
    }

    private static func format(of logo: LogoFile) -> PositionedImage.Format {
        switch logo.format {
        case .png: .png
        case .jpeg: .jpeg
        case .svg: .svg
        }
    }

    /// Where a profile wrote its logo, for the logo's diagnostics.
    private static func logoLocation(_ profile: Profile) -> SourceLocation {
        if case .profile(let origin)? = profile.origins["logo"] { return origin }
        return SourceLocation(file: profile.file, line: 1, column: 1)
    }

    /// A warning listing what `SVGCleaner` left out of the logo; none when nothing was.
    private static func leftOutDiagnostics(_ leftOut: [String], profile: Profile) -> [Diagnostic] {
        guard !leftOut.isEmpty else { return [] }
        let path = ScalarRules.shown(profile.logo?.path ?? "", limit: 200)
        return [.warning(at: logoLocation(profile), "logo '\(path)' holds what a logo may not, left out: \(SVGCleaningFailure.list(leftOut))",
                         hint: Self.leftOutHint, field: "logo")]
    }

    static let leftOutHint = "a logo is drawn from its shapes, text and gradients alone; images, filters, scripts, links and references to anything outside the file are left out"

    private static func logoDiagnostics(_ problem: RenderError, profile: Profile) -> [Diagnostic] {
        let path = profile.logo?.path ?? ""
        let location = logoLocation(profile)
        if case .svgLeftEmpty(_, let leftOut) = problem {
            return [.error(at: location, "logo '\(ScalarRules.shown(path, limit: 200))' has nothing left to draw without what a logo may not hold: \(SVGCleaningFailure.list(leftOut))",
                           hint: "draw the logo with shapes and text alone, or give a PNG or JPEG file", field: "logo")]
        }
        // The reason alone: the path is the one the profile wrote, not the resolved one, and the
        // message stays on one line whatever librsvg or libpng says.
        var reason = "\(problem)"
        if case .imageDecodeFailed(_, _, let detail) = problem { reason = detail }
        let firstLine = reason.split(whereSeparator: \.isNewline).first.map(String.init) ?? reason
        return [.error(at: location, "logo '\(ScalarRules.shown(path, limit: 200))' cannot be decoded: \(ScalarRules.shown(firstLine.trimmingWhitespace().lowercasedFirstLetter, limit: 160))",
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
