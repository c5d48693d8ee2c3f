import Foundation
import SheetPipeline
import TestSupport
import Testing

/// `make install`'s files, installed into a temporary prefix from a copy of the source folder
/// that is then moved away, and the installed binary run in folders that are no checkout.
///
/// The binary installed here is the debug build (`make install-files INSTALL_BIN=…`): the
/// static release build `make install` makes takes too long for the suite. That build's own
/// check (no Swift library in `ldd`) is part of the `install-binary` target.
@Suite("An installed profilesheet", .serialized)
struct InstallTests {
    static let root = CommandRunner.repositoryRoot
    static let manPage = root + "/.build/man/profilesheet.1"

    struct Installed {
        var base: String
        var prefix: String
        var binary: String { prefix + "/bin/profilesheet" }
    }

    /// Copies what `install-files` reads, installs from the copy, and moves the copy away.
    func install() throws -> Installed {
        try #require(FileManager.default.fileExists(atPath: Self.manPage), "no \(Self.manPage): make test makes it (make test-man)")
        let base = try CommandRunner.temporaryDirectory()
        let source = base + "/source"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        for item in ["Makefile", "templates", "scripts"] {
            try FileManager.default.copyItem(atPath: Self.root + "/" + item, toPath: source + "/" + item)
        }
        let prefix = base + "/prefix"
        let make = try CommandRunner.run(
            "make", ["-C", source, "install-files", "PREFIX=" + prefix, "INSTALL_BIN=" + CommandRunner.binary, "MAN_DIR=" + Self.root + "/.build/man"],
            in: base)
        #expect(make.status == 0, "\(make.both)")
        try FileManager.default.moveItem(atPath: source, toPath: base + "/moved-away")
        return Installed(base: base, prefix: prefix)
    }

    @Test func theInstalledFilesAreWhereTheyBelong() throws {
        let installed = try install()
        for path in ["bin/profilesheet", "share/profilesheet/templates/standard/template.yaml",
                     "share/profilesheet/templates/compact/template.yaml", "share/man/man1/profilesheet.1",
                     "share/bash-completion/completions/profilesheet", "share/zsh/site-functions/_profilesheet",
                     "share/fish/vendor_completions.d/profilesheet.fish"] {
            #expect(FileManager.default.fileExists(atPath: installed.prefix + "/" + path), "\(path)")
        }
        let bash = try String(contentsOfFile: installed.prefix + "/share/bash-completion/completions/profilesheet", encoding: .utf8)
        for command in ["init", "schema", "templates"] { #expect(bash.contains(command), "\(command)") }

        // DESTDIR stages the same tree under another root.
        let stage = installed.base + "/stage"
        let source = installed.base + "/moved-away"
        let staged = try CommandRunner.run(
            "make", ["-C", source, "install-files", "DESTDIR=" + stage, "PREFIX=/opt/ps", "INSTALL_BIN=" + CommandRunner.binary,
                     "MAN_DIR=" + Self.root + "/.build/man"], in: installed.base)
        #expect(staged.status == 0, "\(staged.both)")
        #expect(FileManager.default.fileExists(atPath: stage + "/opt/ps/share/profilesheet/templates/standard/template.yaml"))
    }

    @Test func itStartsAndBuildsARepositoryFromInit() throws {
        let installed = try install()
        let folder = installed.base + "/group"
        let created = try CommandRunner.run(installed.binary, ["init", folder], in: installed.base)
        #expect(created.status == 0, "\(created.both)")
        let templates = try CommandRunner.run(installed.binary, ["templates"], in: folder)
        #expect(templates.stdout == """
            compact   \(installed.prefix)/share/profilesheet/templates/compact  Compact sheet (installed)
            standard  \(installed.prefix)/share/profilesheet/templates/standard  Standard sheet (installed)

            """, "\(templates.both)")
        // The installed compact template is found by name from any folder.
        let compact = try CommandRunner.run(installed.binary, ["build", "--template", "compact", "--output", folder + "/compact-out"], in: folder)
        #expect(compact.status == 0, "\(compact.both)")
        let build = try CommandRunner.run(installed.binary, ["build"], in: folder)
        #expect(build.status == 0, "\(build.both)")
        #expect(build.stderr.contains("rendered 1, up to date 0, invalid 0, warnings 0; 0 errors, 0 warnings"), "\(build.stderr)")
        #expect(try CommandRunner.pdfinfo(folder + "/output/example-community.pdf")["Pages"] != nil)
        #expect(FileManager.default.fileExists(atPath: folder + "/output/collection.pdf"))
    }

    @Test func itBuildsAProfilesOnlyFolderAndFollowsALinkToItself() throws {
        let installed = try install()
        let folder = installed.base + "/plain"
        try FileManager.default.createDirectory(atPath: folder + "/profiles", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root + "/profiles/cm-reading-circle.yaml", toPath: folder + "/profiles/cm-reading-circle.yml")
        try "format: 1\nkeywords:\n  community-management: Community management\n"
            .write(toFile: folder + "/profiles/taxonomy.yaml", atomically: true, encoding: .utf8)
        // Through a symbolic link elsewhere, as ~/bin/profilesheet might be.
        try FileManager.default.createDirectory(atPath: installed.base + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: installed.base + "/bin/profilesheet", withDestinationPath: installed.binary)
        let validate = try CommandRunner.run(installed.base + "/bin/profilesheet", ["validate"], in: folder)
        #expect(validate.status == 0, "\(validate.both)")
        #expect(validate.stderr.contains("validated 1 profile, 0 invalid; 0 errors"), "\(validate.stderr)")
        let build = try CommandRunner.run(installed.base + "/bin/profilesheet", ["build"], in: folder)
        #expect(build.status == 0, "\(build.both)")
        #expect(FileManager.default.fileExists(atPath: folder + "/output/cm-reading-circle.pdf"))
    }
}
