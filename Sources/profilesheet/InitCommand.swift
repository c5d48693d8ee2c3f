import ArgumentParser
import Foundation
import SheetPipeline

/// `profilesheet init [DIR]`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a working group's repository: an example profile, taxonomy, survey and mapping, a README and a CI workflow.",
        discussion: "It writes into DIR (default: the current folder, made when missing) and never overwrites a file: when any of its files exists, it writes none.")

    @Argument(help: ArgumentHelp("The repository's folder.", valueName: "dir"))
    var directory = "."

    func run() throws {
        do {
            let written = try RepositoryScaffold.create(in: directory, year: RunConfiguration.yearNow())
            for path in written { print(path) }
            let place = directory == "." ? "" : "cd \(directory) && "
            FileHandle.standardError.write(Data("started a profiles repository; next: \(place)profilesheet build\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            switch error {
            case .exists: throw ExitCode(1)
            case .unwritable: throw ExitCode(3)
            }
        }
    }
}
