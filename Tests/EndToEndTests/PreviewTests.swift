import Foundation
import SheetPipeline
@testable import SheetRender
import TestSupport
import Testing

/// `preview`, `preview --watch` and `new`, driven as a maintainer would drive them.
@Suite("Previewing and scaffolding end to end", .serialized)
struct PreviewTests {
    static let valid = CommandLineTests.valid

    /// Output a running process has printed so far.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""

        func append(_ data: Data) {
            lock.lock()
            text += String(decoding: data, as: UTF8.self)
            lock.unlock()
        }

        var value: String {
            lock.lock()
            defer { lock.unlock() }
            return text
        }
    }

    /// Waits up to `seconds` for `condition`.
    func eventually(_ seconds: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    func scratch() throws -> String {
        let root = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/profiles", withIntermediateDirectories: true)
        try Self.valid.write(toFile: root + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        return root
    }

    /// `preview --watch` renders every save through one worker: rendering an unchanged
    /// profile again lays nothing out again and paints the same pages; an edit lays out only
    /// the blocks it changed.
    @Test func renderingAgainThroughOneRendererReusesItsLayouts() throws {
        let root = try scratch()
        let run = SheetRun(configuration: RunConfiguration(
            profilesDirectory: root + "/profiles", templateDirectory: CommandRunner.repositoryRoot + "/templates/standard",
            outputDirectory: root + "/output", currentYear: 2026))
        let worker = SheetWorker()
        func pages() throws -> [Data] {
            try FileManager.default.contentsOfDirectory(atPath: root + "/output/preview").filter { $0.hasSuffix(".png") }.sorted()
                .map { try Data(contentsOf: URL(fileURLWithPath: root + "/output/preview/" + $0)) }
        }

        #expect(run.preview("demo", worker: worker).rendered == 1)
        let firstPages = try pages()
        let laidOut = worker.measurer.layoutsMade
        #expect(laidOut > 10)

        #expect(run.preview("demo", worker: worker).rendered == 1)
        #expect(worker.measurer.layoutsMade == laidOut)
        #expect(try pages() == firstPages)

        try Self.valid.replacingOccurrences(of: "Demo Community", with: "Renamed Community")
            .write(toFile: root + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        #expect(run.preview("demo", worker: worker).rendered == 1)
        let relaidOut = worker.measurer.layoutsMade - laidOut
        #expect(relaidOut > 0 && relaidOut < laidOut / 2)
        #expect(try pages() != firstPages)
    }

    @Test func previewWritesOnePNGPerPage() throws {
        let root = try scratch()
        var text = Self.valid
        // Enough highlights and narrative to go on onto a second page.
        let long = (1...4).map { "    - Highlight \($0) with enough words in it to take two lines of a column at the least, and a third\n" }.joined()
        text += "highlights:\n" + ["successes", "outputs", "challenges", "plans"].map { "  \($0):\n" + long }.joined()
            + "champions: " + String(repeating: "Champions grow through mentoring. ", count: 15) + "\n"
            + "narrative: " + String(repeating: "The year went well and the community grew. ", count: 30) + "\n"
        try text.write(toFile: root + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        let run = try CommandRunner.profilesheet(["preview", "demo", "--profiles", root + "/profiles", "--output", root + "/output"])
        #expect(run.status == 0, "\(run.stderr)")
        let pages = try #require(Int(try CommandRunner.pdfinfo(root + "/output/preview/demo.pdf")["Pages"] ?? ""))
        #expect(pages >= 2)
        let pngs = try FileManager.default.contentsOfDirectory(atPath: root + "/output/preview").filter { $0.hasSuffix(".png") }.sorted()
        #expect(pngs == (1...pages).map { "demo-\($0).png" })
        // A profile that fits on one page drops the other pages' PNGs.
        try Self.valid.write(toFile: root + "/profiles/demo.yaml", atomically: true, encoding: .utf8)
        #expect(try CommandRunner.profilesheet(["preview", "demo", "--profiles", root + "/profiles", "--output", root + "/output"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/output/preview").filter { $0.hasSuffix(".png") }.sorted() == ["demo-1.png"])
    }

    @Test func watchRendersEachEditKeepsTheLastGoodSheetAndStopsCleanly() throws {
        let root = try scratch()
        let profile = root + "/profiles/demo.yaml"
        let pdf = root + "/output/preview/demo.pdf"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = ["preview", "--watch", "demo", "--profiles", root + "/profiles",
                             "--template", CommandRunner.repositoryRoot + "/templates/standard", "--output", root + "/output"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdout = Collected()
        let stderr = Collected()
        out.fileHandleForReading.readabilityHandler = { stdout.append($0.availableData) }
        err.fileHandleForReading.readabilityHandler = { stderr.append($0.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // First render.
        #expect(eventually { stdout.value.components(separatedBy: pdf).count == 2 }, "no first render: \(stderr.value)")
        let first = try #require(FileManager.default.contents(atPath: pdf))

        // An invalid edit: diagnostics, and the last good sheet stays.
        try Self.valid.replacingOccurrences(of: "type: network", with: "type: netwrk").write(toFile: profile, atomically: true, encoding: .utf8)
        #expect(eventually { stderr.value.contains("error: 'type' must be one of its allowed values, found 'netwrk'") }, "\(stderr.value)")
        #expect(stderr.value.contains("kept the last good sheet"))
        #expect(FileManager.default.contents(atPath: pdf) == first)

        // A valid edit renders again.
        try Self.valid.replacingOccurrences(of: "Demo Community", with: "Renamed Community").write(toFile: profile, atomically: true, encoding: .utf8)
        #expect(eventually { stdout.value.components(separatedBy: pdf).count == 3 }, "no second render: \(stderr.value)")
        let text = try CommandRunner.run("pdftotext", [pdf, "-"]).stdout
        #expect(text.contains("Renamed Community"))

        // Ctrl-C ends it with status 0.
        kill(process.processIdentifier, SIGINT)
        let stopped = eventually { !process.isRunning }
        #expect(stopped, "Ctrl-C did not stop the watch")
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stderr.value.contains("stopped watching"))
    }

    @Test func newScaffoldValidatesOnceFilledIn() throws {
        let root = try CommandRunner.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/profiles", withIntermediateDirectories: true)
        let created = try CommandRunner.profilesheet(["new", "fresh-community", "--profiles", root + "/profiles"])
        #expect(created.status == 0, "\(created.stderr)")
        let path = root + "/profiles/fresh-community.yaml"
        #expect(created.stdout == path + "\n")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for key in ["short_name", "founded", "website", "logo", "language", "keywords", "narrative", "structure", "staffing",
                    "members", "champions", "funding", "tools", "highlights", "contact", "license", "contribute", "co-create"] {
            #expect(text.contains("# \(key):") || text.contains("  # \(key):"), "the scaffold does not list '\(key)'")
        }
        let arguments = ["validate", "fresh-community", "--profiles", root + "/profiles"]
        let unfilled = try CommandRunner.profilesheet(arguments)
        #expect(unfilled.status == 1)
        #expect(unfilled.stderr.contains("'name' is empty"))

        text = text.replacingOccurrences(of: "\nname:\n", with: "\nname: Fresh Community\n")
            .replacingOccurrences(of: "\ntype:\n", with: "\ntype: network\n")
            .replacingOccurrences(of: "\nperiod:\n", with: "\nperiod: 2025\n")
            .replacingOccurrences(of: "\nmission:\n", with: "\nmission: Bring people together.\n")
            .replacingOccurrences(of: "\n    -\n", with: "\n    - Monthly newsletter\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let filled = try CommandRunner.profilesheet(arguments)
        #expect(filled.status == 0, "\(filled.stderr)")

        // It never overwrites, and refuses ids that are not slugs.
        #expect(try CommandRunner.profilesheet(["new", "fresh-community", "--profiles", root + "/profiles"]).status == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(try CommandRunner.profilesheet(["new", "Not_A_Slug", "--profiles", root + "/profiles"]).status == 2)
    }
}
