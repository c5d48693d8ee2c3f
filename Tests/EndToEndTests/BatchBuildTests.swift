import Foundation
import TestSupport
import Testing

/// The batch build CI relies on: incremental, sharded, atomic, reproducible (issue: the batch
/// run for CI).
@Suite("Batch builds end to end", .serialized)
struct BatchBuildTests {
    /// A scratch copy of the sample profiles, so that tests can change them.
    func samples() throws -> String {
        let root = try CommandRunner.temporaryDirectory()
        let copy = try CommandRunner.run("cp", ["-R", CommandRunner.repositoryRoot + "/profiles", root + "/profiles"])
        #expect(copy.status == 0)
        return root
    }

    func build(_ root: String, _ extra: [String] = [], output: String? = nil, in directory: String? = nil, environment: [String: String] = [:]) throws -> CommandRunner.Output {
        try CommandRunner.profilesheet(
            ["build", "--profiles", root + "/profiles", "--template", CommandRunner.repositoryRoot + "/templates/standard",
             "--output", output ?? root + "/output"] + extra,
            in: directory ?? CommandRunner.repositoryRoot, environment: environment)
    }

    static func sampleIDs(_ root: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root + "/profiles")
            .filter { $0.hasSuffix(".yaml") && $0 != "taxonomy.yaml" }.map { String($0.dropLast(5)) }.sorted()
    }

    func manifestIDs(_ file: String) throws -> [String] {
        let data = try #require(FileManager.default.contents(atPath: file))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sheets = try #require(json["sheets"] as? [[String: Any]])
        return sheets.compactMap { $0["id"] as? String }
    }

    @Test func rebuildRendersOnlyWhatChanged() throws {
        let root = try samples()
        let count = try Self.sampleIDs(root).count
        let first = try build(root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("rendered \(count), up to date 0, invalid 0"))
        #expect(try manifestIDs(root + "/output/manifest.json") == Self.sampleIDs(root))

        // The collection is written anew (a new file renamed into place) only when a sheet in
        // it changed: the manifest records the digest of its inputs.
        func collectionFile() throws -> UInt64 {
            try #require(FileManager.default.attributesOfItem(atPath: root + "/output/collection.pdf")[.systemFileNumber] as? UInt64)
        }
        let collection = try collectionFile()
        let again = try build(root)
        #expect(again.stderr.contains("rendered 0, up to date \(count), invalid 0"), "\(again.stderr)")
        #expect(try collectionFile() == collection)

        // A profile edit re-renders that sheet only.
        let file = root + "/profiles/sustain-oss.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "founded: 2017", with: "founded: 2016").write(toFile: file, atomically: true, encoding: .utf8)
        let edited = try build(root)
        #expect(edited.stderr.contains("rendered 1, up to date \(count - 1), invalid 0"), "\(edited.stderr)")
        #expect(try collectionFile() != collection)

        // A logo's bytes count too.
        let logo = root + "/profiles/logos/us-rse.svg"
        try (try String(contentsOfFile: logo, encoding: .utf8) + "\n<!-- changed -->\n").write(toFile: logo, atomically: true, encoding: .utf8)
        #expect(try build(root).stderr.contains("rendered 1, up to date \(count - 1)"))

        // So does the template; and --force renders everything.
        let template = root + "/template"
        _ = try CommandRunner.run("cp", ["-R", CommandRunner.repositoryRoot + "/templates/standard", template])
        let templateFile = template + "/template.yaml"
        // The same template elsewhere changes nothing; a changed colour changes every sheet.
        let args0 = ["build", "--profiles", root + "/profiles", "--output", root + "/output", "--template", template]
        #expect(try CommandRunner.profilesheet(args0).stderr.contains("rendered 0, up to date \(count)"))
        try (try String(contentsOfFile: templateFile, encoding: .utf8)).replacingOccurrences(of: "ink: \"#1B2430\"", with: "ink: \"#1A2330\"")
            .write(toFile: templateFile, atomically: true, encoding: .utf8)
        let args = ["build", "--profiles", root + "/profiles", "--output", root + "/output"]
        #expect(try CommandRunner.profilesheet(args + ["--template", template]).stderr.contains("rendered \(count), up to date 0"))
        #expect(try CommandRunner.profilesheet(args + ["--template", template, "--force"]).stderr.contains("rendered \(count), up to date 0"))

        // A deleted output is rendered again.
        try FileManager.default.removeItem(atPath: root + "/output/cscce.pdf")
        #expect(try CommandRunner.profilesheet(args + ["--template", template]).stderr.contains("rendered 1, up to date \(count - 1)"))
    }

    func inode(_ path: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    @Test func aForcedBuildOfSomeProfilesKeepsTheOthers() throws {
        let root = try samples()
        let ids = try Self.sampleIDs(root)
        #expect(try build(root).status == 0)
        let forced = try build(root, [root + "/profiles/us-rse.yaml", "--force"])
        #expect(forced.stderr.contains("rendered 1, up to date 0"), "\(forced.stderr)")
        #expect(try manifestIDs(root + "/output/manifest.json") == ids)
        let gallery = try String(contentsOfFile: root + "/output/index.html", encoding: .utf8)
        #expect(gallery.components(separatedBy: "<li class=\"sheet\" ").count - 1 == ids.count)
        #expect(try CommandRunner.pdfinfo(root + "/output/collection.pdf")["Pages"] == "\(try Self.sheetPages(root + "/output", ids))")
    }

    /// A manifest as earlier versions wrote it (pretty-printed JSON) still counts: nothing is
    /// rendered again, and the manifest is rewritten a line per sheet.
    @Test func aManifestInAnEarlierLayoutStillCounts() throws {
        let root = try samples()
        let ids = try Self.sampleIDs(root)
        #expect(try build(root).status == 0)
        let manifest = root + "/output/manifest.json"
        let object = try JSONSerialization.jsonObject(with: try #require(FileManager.default.contents(atPath: manifest)))
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: manifest))
        let collection = try inode(root + "/output/collection.pdf")
        let again = try build(root)
        #expect(again.stderr.contains("rendered 0, up to date \(ids.count)"), "\(again.stderr)")
        #expect(try inode(root + "/output/collection.pdf") == collection)
        let lines = try String(contentsOfFile: manifest, encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.hasSuffix(#","sheets":["#) == true)
        #expect(lines.count == ids.count + 2)
        #expect(try manifestIDs(manifest) == ids)
        // Now nothing is written at all.
        let written = try inode(manifest)
        let gallery = try inode(root + "/output/index.html")
        #expect(try build(root).status == 0)
        #expect(try inode(manifest) == written && inode(root + "/output/index.html") == gallery)
    }

    @Test func sameInputsGiveByteIdenticalFilesAcrossJobsAndDirectories() throws {
        let root = try samples()
        let environment = ["SOURCE_DATE_EPOCH": "1767225600"]
        #expect(try build(root, ["--jobs", "1"], output: root + "/one", environment: environment).status == 0)
        let elsewhere = try CommandRunner.temporaryDirectory()
        #expect(try build(root, ["--jobs", "2"], output: root + "/two", in: elsewhere, environment: environment).status == 0)
        for id in try Self.sampleIDs(root) {
            let one = try #require(FileManager.default.contents(atPath: "\(root)/one/\(id).pdf"))
            let two = try #require(FileManager.default.contents(atPath: "\(root)/two/\(id).pdf"))
            #expect(one == two, "\(id).pdf differs between runs")
        }
        for name in ["collection.pdf", "index.html", "manifest.json"] {
            #expect(FileManager.default.contents(atPath: "\(root)/one/\(name)") == FileManager.default.contents(atPath: "\(root)/two/\(name)"), "\(name) differs")
        }
        let info = try CommandRunner.pdfinfo("\(root)/one/us-rse.pdf")
        #expect(info["CreationDate"]?.contains("2026") == true)
    }

    @Test func shardsAreDisjointCoverEverythingAndGather() throws {
        let root = try samples()
        let ids = try Self.sampleIDs(root)
        var seen: [String] = []
        for index in 1...3 {
            let run = try build(root, ["--shard", "\(index)/3"], output: root + "/shard\(index)")
            #expect(run.status == 0, "\(run.stderr)")
            let shardIDs = try manifestIDs("\(root)/shard\(index)/manifest.shard-\(index)-of-3.json")
            let pdfs = try FileManager.default.contentsOfDirectory(atPath: "\(root)/shard\(index)").filter { $0.hasSuffix(".pdf") }
            #expect(pdfs.sorted() == shardIDs.map { $0 + ".pdf" })
            #expect(!FileManager.default.fileExists(atPath: "\(root)/shard\(index)/collection.pdf"))
            seen += shardIDs
        }
        #expect(seen.sorted() == ids)
        #expect(Set(seen).count == seen.count)
        // The same shard twice is the same slice.
        #expect(try build(root, ["--shard", "2/3"], output: root + "/again").status == 0)
        #expect(try manifestIDs("\(root)/again/manifest.shard-2-of-3.json") == manifestIDs("\(root)/shard2/manifest.shard-2-of-3.json"))

        // Gathering: all shards' files in one folder, then a build renders nothing new and
        // writes the gallery, the collection and one manifest.
        let gathered = root + "/gathered"
        try FileManager.default.createDirectory(atPath: gathered, withIntermediateDirectories: true)
        for index in 1...3 {
            for name in try FileManager.default.contentsOfDirectory(atPath: "\(root)/shard\(index)") {
                try FileManager.default.copyItem(atPath: "\(root)/shard\(index)/\(name)", toPath: "\(gathered)/\(name)")
            }
        }
        let gather = try build(root, [], output: gathered)
        #expect(gather.stderr.contains("rendered 0, up to date \(ids.count)"), "\(gather.stderr)")
        #expect(try manifestIDs(gathered + "/manifest.json") == ids)
        #expect(try CommandRunner.pdfinfo(gathered + "/collection.pdf")["Pages"] == "\(try Self.sheetPages(gathered, ids))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: gathered).filter { $0.hasPrefix("manifest.shard-") }.isEmpty)
        #expect(try build(root, ["--shard", "4/3"]).status == 2)
    }

    @Test func collectionHasEverySheetAndABookmarkEach() throws {
        let root = try samples()
        #expect(try build(root).status == 0)
        let check = try CommandRunner.run("qpdf", ["--check", root + "/output/collection.pdf"])
        #expect(check.status == 0, "\(check.stdout)")
        let outline = try CommandRunner.run("qpdf", ["--json", "--json-key=outlines", root + "/output/collection.pdf"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outline.stdout.utf8)) as? [String: Any])
        let titles = (json["outlines"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        // The overview's bookmark first, then one per community.
        #expect(titles.first == "The collection at a glance")
        #expect(titles.count == (try Self.sampleIDs(root)).count + 1)
        #expect(titles.contains("Sustain Open Source"))
        let text = try CommandRunner.run("pdftotext", [root + "/output/collection.pdf", "-"]).stdout
        #expect(text.contains("Sustain Open Source"))
        // One structure tree: a Document holding each sheet's tree as a Part (issue 17).
        let structure = try CommandRunner.run("pdfinfo", ["-struct", root + "/output/collection.pdf"]).stdout
        let lines = structure.split(separator: "\n")
        #expect(lines.first == "Document")
        #expect(lines.filter { $0 == "  Part" }.count == titles.count)
        #expect(lines.filter { !$0.hasPrefix(" ") }.count == 1)
    }

    /// The pages `collection.pdf` holds: the overview's, then the sheets `ids`'.
    static func sheetPages(_ output: String, _ ids: [String]) throws -> Int {
        try (["overview"] + ids).reduce(0) { $0 + (Int(try CommandRunner.pdfinfo("\(output)/\($1).pdf")["Pages"] ?? "") ?? 0) }
    }

    @Test func killedBuildLeavesOnlyCompleteFiles() throws {
        let root = try samples()
        // Enough work that a kill lands mid-run: the samples many times over.
        let profiles = root + "/profiles"
        for id in try Self.sampleIDs(root) where id.count <= 60 {
            let text = try String(contentsOfFile: "\(profiles)/\(id).yaml", encoding: .utf8)
            for copy in 1...6 {
                try text.replacingOccurrences(of: "id: \(id)\n", with: "id: \(id)-\(copy)\n")
                    .write(toFile: "\(profiles)/\(id)-\(copy).yaml", atomically: true, encoding: .utf8)
            }
        }
        for delay in [0.25, 0.5, 0.8] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
            process.arguments = ["build", "--force", "--profiles", profiles, "--template", CommandRunner.repositoryRoot + "/templates/standard", "--output", root + "/output"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // A kill before the build made its output folder leaves nothing to check (seen on a
            // loaded machine, where loading takes longer than the first delay).
            let written = (try? FileManager.default.contentsOfDirectory(atPath: root + "/output")) ?? []
            for name in written where name.hasSuffix(".pdf") && !name.hasPrefix(".") {
                let check = try CommandRunner.run("qpdf", ["--check", root + "/output/" + name])
                #expect(check.status == 0, "\(name) is damaged after a kill at \(delay) s")
            }
        }
        // The next run sweeps the temporary files and completes.
        let finish = try build(root)
        #expect(finish.status == 0, "\(finish.stderr.suffix(3000))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/output").filter { $0.contains(".profilesheet-tmp-") }.isEmpty)
    }

    @Test func fullDiskExitsThreeAndKeepsEarlierOutputs() throws {
        let root = try samples()
        let output = root + "/small"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        // A tiny tmpfs is a full disk on demand; it needs root, so the test says so when it can't.
        let mount = try CommandRunner.run("mount", ["-t", "tmpfs", "-o", "size=600k", "tmpfs", output])
        guard mount.status == 0 else {
            Issue.record("cannot mount a tmpfs to fill (needs root): \(mount.stderr)")
            return
        }
        defer { _ = try? CommandRunner.run("umount", [output]) }
        #expect(try build(root, ["us-rse"], output: output).status == 0)
        let before = try #require(FileManager.default.contents(atPath: output + "/us-rse.pdf"))
        let full = try build(root, ["--force"], output: output)
        #expect(full.status == 3, "\(full.stderr)")
        #expect(full.stderr.contains("No space left on device"))
        #expect(FileManager.default.contents(atPath: output + "/us-rse.pdf") == before)
        for name in try FileManager.default.contentsOfDirectory(atPath: output) where name.hasSuffix(".pdf") {
            #expect(try CommandRunner.run("qpdf", ["--check", output + "/" + name]).status == 0, "\(name)")
        }
    }
}
