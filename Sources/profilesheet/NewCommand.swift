import ArgumentParser
import Foundation
import SheetPipeline

/// `profilesheet new ID`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Write a commented scaffold ID.yaml, listing every field, into the profiles folder.")

    @Option(help: ArgumentHelp("Where profiles are.", valueName: "dir"))
    var profiles = "profiles"

    @Argument(help: ArgumentHelp("The new profile's id: lowercase letters, digits and hyphens.", valueName: "id"))
    var id: String

    func run() throws {
        do {
            let path = try ProfileScaffold.create(id: id, in: profiles, year: RunConfiguration.yearNow())
            print(path)
            // The schema its first line names, for editors; an existing one is left as it is.
            if let schema = try ProfileScaffold.createSchema(in: profiles) {
                FileHandle.standardError.write(Data("wrote \(schema), which editors read to check the profile while you type\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            switch error {
            case .invalidID: throw ExitCode(2)
            case .exists: throw ExitCode(1)
            case .unwritable: throw ExitCode(3)
            }
        }
    }
}
