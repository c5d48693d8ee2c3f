import Foundation
import TestSupport
import Testing

/// Inputs are read within their limits (issue 14, points 4 and 6): a file over its cap is
/// refused from its size on the opened descriptor, before a byte of it is read or hashed, and
/// one bad taxonomy entry fails only the profiles that use it.
@Suite("Input limits end to end", .serialized)
struct InputLimitsTests {
    /// Far more than could be read or hashed within the tests' timeout (a sparse file: it
    /// takes no disk space), so a test that finishes in time proves the file was not read.
    static let hugeSize: off_t = 1 << 40

    func samples() throws -> String {
        let root = try CommandRunner.temporaryDirectory()
        let copy = try CommandRunner.run("cp", ["-R", CommandRunner.repositoryRoot + "/profiles", root + "/profiles"])
        #expect(copy.status == 0)
        return root
    }

    func build(_ root: String, _ extra: [String] = []) throws -> CommandRunner.Output {
        try CommandRunner.profilesheet(
            ["build", "--profiles", root + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard",
             "--output", root + "/output"] + extra,
            timeout: 240)
    }

    /// A sparse file of `size` bytes at `path`, starting with `prefix`.
    func sparseFile(_ path: String, size: off_t = hugeSize, prefix: String = "") throws {
        try Data(prefix.utf8).write(to: URL(fileURLWithPath: path))
        #expect(truncate(path, size) == 0, "cannot make a sparse file of \(size) bytes: \(String(cString: strerror(errno)))")
    }

    @Test func oversizedProfileIsRefusedWithoutBeingRead() throws {
        let root = try samples()
        #expect(try build(root).status == 0)
        // A profile the manifest knows, grown past the cap: its digest is not taken by reading it.
        try sparseFile(root + "/profiles/cm-reading-circle.yaml", prefix: "format: 1\n")
        let output = try build(root)
        #expect(!output.timedOut)
        #expect(output.status == 1)
        #expect(output.stderr.contains("""
            \(root)/profiles/cm-reading-circle.yaml:1:1: error: the file is \(Self.hugeSize) bytes; at most 1048576 are read
            hint: a profile is a few kilobytes; is this the right file?
            """), "\(output.stderr)")
        #expect(output.stderr.contains("rendered 0, up to date 10, invalid 1"), "\(output.stderr)")
    }

    @Test func oversizedSurveyExportIsRefusedWithoutBeingRead() throws {
        let root = try samples()
        let export = root + "/profiles/surveys/member-survey-2025.csv"
        try sparseFile(export, prefix: "Q1,Q2\n")
        // A stray huge file in surveys/ is fingerprinted by its size, never read.
        try sparseFile(root + "/profiles/surveys/backup.bin")
        let output = try build(root)
        #expect(!output.timedOut)
        #expect(output.stderr.contains("""
            profiles/surveys/member-survey-2025.csv:1:1: error: the file is \(Self.hugeSize) bytes; at most 67108864 are read
            hint: a survey export of many thousand answers is a few megabytes; is this the right file?
            """), "\(output.stderr)")
        // The other survey still feeds its profiles; every sheet is rendered.
        #expect(output.stderr.contains("rendered 11, up to date 0, invalid 0"), "\(output.stderr)")
        #expect(output.status == 1)
    }

    @Test func oversizedLogoIsRefusedWithoutBeingRead() throws {
        let root = try samples()
        #expect(try build(root).status == 0)
        try sparseFile(root + "/profiles/logos/us-rse.svg", prefix: "<svg")
        let output = try build(root)
        #expect(!output.timedOut)
        #expect(output.status == 1)
        #expect(output.stderr.contains("error: logo file 'logos/us-rse.svg' is \(Self.hugeSize) bytes"), "\(output.stderr)")
        #expect(output.stderr.contains("hint: at most 16777216 bytes are read"), "\(output.stderr)")
        #expect(output.stderr.contains("rendered 0, up to date 10, invalid 1"), "\(output.stderr)")
    }

    @Test func aTaxonomyEntryThatBreaksARuleFailsOnlyTheProfilesUsingIt() throws {
        let root = try samples()
        let taxonomy = root + "/profiles/taxonomy.yaml"
        let text = try String(contentsOfFile: taxonomy, encoding: .utf8)
        let label = String(repeating: "C", count: 102)
        try text.replacingOccurrences(of: "codes-of-conduct: Codes of conduct", with: "codes-of-conduct: \(label)")
            .write(toFile: taxonomy, atomically: true, encoding: .utf8)
        let output = try build(root)
        #expect(output.status == 1)
        let shown = String(repeating: "C", count: 100)
        #expect(output.stderr.contains("""
            \(root)/profiles/cscce.yaml:17:5: error: keyword 'codes-of-conduct' has an invalid entry in the taxonomy
            17 |   - codes-of-conduct
               |     ^
            hint: its entry at \(root)/profiles/taxonomy.yaml:13:3 breaks a rule (reported there); once it is fixed the keyword is accepted
            """), "\(output.stderr)")
        // Diagnostics are sorted by file: the sample surveys' warnings come between the two.
        #expect(output.stderr.contains("""
            \(root)/profiles/taxonomy.yaml:13:21: error: 'keywords.codes-of-conduct' is too long: 102 characters
            13 |   codes-of-conduct: \(shown)…
               |                     ^
            hint: the limit is 60 characters; shorten it by 42
            """), "\(output.stderr)")
        #expect(!output.stderr.contains("there is no taxonomy.yaml"))
        // Every other profile, keywords and all, is rendered.
        #expect(output.stderr.contains("rendered 10, up to date 0, invalid 1"), "\(output.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/output/us-rse.pdf"))
        #expect(!FileManager.default.fileExists(atPath: root + "/output/cscce.pdf"))
    }
    /// A profile whose file name is not UTF-8 (the byte 0xFF) is reported as that, not as a file
    /// that does not exist; the other profiles are read.
    @Test func aFileNameThatIsNotUTF8IsReportedAsSuch() throws {
        let root = try samples()
        let made = try CommandRunner.run("sh", ["-c", #"cp "$1/us-rse.yaml" "$1/$(printf 'us\377rse.yaml')""#, "sh", root + "/profiles"])
        #expect(made.status == 0, "\(made.stderr)")
        let output = try CommandRunner.profilesheet(["validate", "--profiles", root + "/profiles"], timeout: 240)
        #expect(output.status == 1)
        #expect(output.stderr.contains(root + #"/profiles/us\xFFrse.yaml: error: the file name is not valid UTF-8: invalid byte 0xFF at byte 2"# + "\n"
            + #"hint: rename it in UTF-8, as its id and '.yaml' (\xFF stands for the byte 0xFF)"# + "\n"), "\(output.stderr)")
        #expect(!output.stderr.contains("does not exist"), "\(output.stderr)")
        #expect(output.stderr.components(separatedBy: ": error: ").count == 2, "one error: \(output.stderr)")
    }
    /// A profile that is a link to itself is reported as that, whether the run reads the whole
    /// folder or is given its id (which said "no profile 'loop'", with "did you mean 'loop'?").
    @Test func aProfileThatLinksToItselfIsReportedAsSuch() throws {
        let root = try samples()
        #expect(symlink("loop.yaml", root + "/profiles/loop.yaml") == 0)
        let expected = root + "/profiles/loop.yaml: error: cannot read the file: too many levels of symbolic links\n"
        let all = try CommandRunner.profilesheet(["validate", "--profiles", root + "/profiles"], timeout: 240)
        #expect(all.status == 1)
        #expect(all.stderr.contains(expected), "\(all.stderr)")
        #expect(all.stderr.components(separatedBy: ": error: ").count == 2, "one error: \(all.stderr)")
        let named = try CommandRunner.profilesheet(["validate", "--profiles", root + "/profiles", "loop", "cscce"], timeout: 240)
        #expect(named.status == 1)
        #expect(named.stderr.contains(expected) && !named.stderr.contains("no profile"), "\(named.stderr)")
    }
}
