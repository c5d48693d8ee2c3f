import ArgumentParser
import Foundation
import SheetCore

/// `profilesheet schema`: the JSON Schema of profile format 1, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema of profile format 1, for editors (the YAML language server).",
        discussion: """
            profilesheet init writes it to profiles/\(ProfileSchema.jsonSchemaFileName), and the profiles that \
            init and new write name it in their first line. After an upgrade: \
            profilesheet schema > profiles/\(ProfileSchema.jsonSchemaFileName)
            """)

    func run() throws {
        FileHandle.standardOutput.write(Data(ProfileSchema.jsonSchema().utf8))
    }
}
