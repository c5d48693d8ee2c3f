import Foundation
import SheetLayout

/// Where a run reads and writes, and the choices the command line made.
public struct RunConfiguration: Sendable {
    public var profilesDirectory: String
    public var templateDirectory: String
    public var outputDirectory: String
    /// nil for the template's default paper.
    public var paper: PaperSize?
    /// The language of every sheet's own words (`--language`); nil for each profile's own.
    public var language: String?
    /// Warnings count as errors.
    public var strict: Bool
    /// The date written into sheets: `SOURCE_DATE_EPOCH` when set, else now.
    public var date: Date
    /// The latest year `founded` may have.
    public var currentYear: Int
    public var creator: String
    /// A test seam, nil outside tests: given each PDF's file name (`us-rse.pdf`,
    /// `collection.pdf`) and bytes after they are written and before they are checked
    /// (`PDFStructureCheck`), it returns the bytes to check and write instead, so that a test
    /// can hand the check a damaged file.
    public var alterPDF: (@Sendable (_ name: String, _ bytes: Data) -> Data)?
    /// Where logos are first decoded and drawn: in a child process with limits when set (the
    /// command line sets it), in this process when nil (library users and in-process tests).
    public var imageIsolation: IsolatedImageCheck?

    public init(
        profilesDirectory: String = "profiles", templateDirectory: String = "templates/standard",
        outputDirectory: String = "output", paper: PaperSize? = nil, language: String? = nil, strict: Bool = false,
        date: Date = RunConfiguration.buildDate(), currentYear: Int = RunConfiguration.yearNow(),
        creator: String = "profilesheet \(ToolVersion.current)", imageIsolation: IsolatedImageCheck? = nil
    ) {
        self.profilesDirectory = profilesDirectory
        self.templateDirectory = templateDirectory
        self.outputDirectory = outputDirectory
        self.paper = paper
        self.language = language
        self.strict = strict
        self.date = date
        self.currentYear = currentYear
        self.creator = creator
        self.imageIsolation = imageIsolation
    }

    /// `SOURCE_DATE_EPOCH` (seconds since 1970) when set and valid, else the current time.
    public static func buildDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    /// This year, by the clock (not `SOURCE_DATE_EPOCH`: a reproducible build of an old
    /// commit must still accept this year's founding dates).
    public static func yearNow() -> Int {
        Calendar(identifier: .gregorian).component(.year, from: Date())
    }
}
