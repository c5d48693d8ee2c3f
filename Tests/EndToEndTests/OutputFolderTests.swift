import Foundation
import TestSupport
import Testing

/// The output folder is not trusted (issue 14, point 5): what a build reads back from it is
/// opened only when it is a regular file of sane size, files in the way of its outputs are
/// replaced without being followed or read, and one build at a time writes into it.
@Suite("Output folder end to end", .serialized)
struct OutputFolderTests {
    func samples() throws -> String {
        let root = try CommandRunner.temporaryDirectory()
        let copy = try CommandRunner.run("cp", ["-R", CommandRunner.repositoryRoot + "/profiles", root + "/profiles"])
        #expect(copy.status == 0)
        return root
    }

    func arguments(_ root: String, _ extra: [String] = []) -> [String] {
        ["build", "--profiles", root + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard",
         "--output", root + "/output"] + extra
    }

    /// A build that must not hang: killed after four minutes, which a loaded machine's build
    /// of the samples stays far below.
    func build(_ root: String, _ extra: [String] = []) throws -> CommandRunner.Output {
        try CommandRunner.profilesheet(arguments(root, extra), timeout: 240)
    }

    func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    @Test func aManifestLinkedToDevZeroOrAFIFOIsNotRead() throws {
        let root = try samples()
        let output = root + "/output"
        #expect(try build(root).status == 0)
        let manifest = output + "/manifest.json"
        #expect(unlink(manifest) == 0)
        #expect(symlink("/dev/zero", manifest) == 0)
        #expect(mkfifo(output + "/manifest.shard-1-of-2.json", 0o644) == 0)
        let again = try build(root)
        #expect(!again.timedOut)
        #expect(again.status == 0, "\(again.stderr)")
        // With no manifest to trust, every sheet is rendered again; the link is replaced by a file.
        #expect(again.stderr.contains("rendered 11, up to date 0, invalid 0"), "\(again.stderr)")
        #expect(isRegularFile(manifest))
        #expect(!FileManager.default.fileExists(atPath: output + "/manifest.shard-1-of-2.json"))
    }

    @Test func aFIFOOrALinkInTheWayOfAnOutputIsReplacedNotOpened() throws {
        let root = try samples()
        let output = root + "/output"
        #expect(try build(root).status == 0)
        #expect(unlink(output + "/index.html") == 0)
        #expect(mkfifo(output + "/index.html", 0o644) == 0)
        // A kept sheet whose PDF became a link to a device: rendered again, never read.
        #expect(unlink(output + "/us-rse.pdf") == 0)
        #expect(symlink("/dev/zero", output + "/us-rse.pdf") == 0)
        let secret = root + "/secret.txt"
        try Data("private".utf8).write(to: URL(fileURLWithPath: secret))
        #expect(unlink(output + "/collection.pdf") == 0)
        #expect(symlink(secret, output + "/collection.pdf") == 0)
        let again = try build(root)
        #expect(!again.timedOut)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("rendered 1, up to date 10, invalid 0"), "\(again.stderr)")
        for name in ["index.html", "us-rse.pdf", "collection.pdf"] {
            #expect(isRegularFile(output + "/" + name), "\(name)")
        }
        // The link's target is untouched.
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == "private")
        #expect(try CommandRunner.pdfinfo(output + "/collection.pdf")["Pages"] != nil)
    }

    @Test func aFolderInTheWayOfAnOutputStopsTheBuildWithItsName() throws {
        let root = try samples()
        let output = root + "/output"
        try FileManager.default.createDirectory(atPath: output + "/index.html", withIntermediateDirectories: true)
        let result = try build(root)
        #expect(!result.timedOut)
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: cannot write '\(output)/index.html': Is a directory"), "\(result.stderr)")
    }

    @Test func aSecondBuildIntoAFolderInUseStopsOrWaitsAndTheFirstSucceeds() throws {
        let root = try samples()
        let profiles = root + "/profiles"
        // Enough work that the first build is still running while the others start.
        var total = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: profiles) where name.hasSuffix(".yaml") && name != "taxonomy.yaml" {
            let id = String(name.dropLast(5))
            total += 1
            guard id.count <= 60 else { continue }
            total += 4
            let text = try String(contentsOfFile: "\(profiles)/\(name)", encoding: .utf8)
            for copy in 1...4 {
                try text.replacingOccurrences(of: "id: \(id)\n", with: "id: \(id)-\(copy)\n")
                    .write(toFile: "\(profiles)/\(id)-\(copy).yaml", atomically: true, encoding: .utf8)
            }
        }
        let output = root + "/output"
        let first = Process()
        first.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        first.arguments = arguments(root, ["--jobs", "1"])
        first.standardOutput = FileHandle.nullDevice
        let firstErrors = Pipe()
        first.standardError = firstErrors
        nonisolated(unsafe) var firstStderr = Data()
        let reading = DispatchGroup()
        try first.run()
        reading.enter()
        DispatchQueue.global().async {
            firstStderr = firstErrors.fileHandleForReading.readDataToEndOfFile()
            reading.leave()
        }
        // The first build writes its process id into the lock file once it holds the lock.
        let lockFile = output + "/.profilesheet.lock"
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: lockFile, encoding: .utf8), text == "\(first.processIdentifier)\n" { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(first.isRunning, "the first build ended before the second started; give it more work")

        let second = try build(root)
        #expect(second.status == 3)
        #expect(second.stderr.contains(
            "error: the output folder '\(output)' is in use by another build (process \(first.processIdentifier)); run again when it has finished, or with --wait to wait for it"),
            "\(second.stderr)")

        let third = try build(root, ["--wait"])
        #expect(!third.timedOut)
        #expect(third.stderr.contains("waiting for the build in process \(first.processIdentifier) that is writing into '\(output)'"), "\(third.stderr)")
        #expect(third.status == 0, "\(third.stderr)")

        first.waitUntilExit()
        reading.wait()
        // The first build's temporaries were not swept from under it: it completed.
        #expect(first.terminationStatus == 0, "\(String(decoding: firstStderr, as: UTF8.self).suffix(2000))")
        #expect(third.stderr.contains("rendered 0, up to date \(total), invalid 0"), "\(third.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(names.filter { $0.contains(".profilesheet-tmp-") }.isEmpty)
    }
}
