import ArgumentParser
import Foundation
import SheetLayout
import SheetPipeline

/// `profilesheet templates`: the templates `--template NAME` can find, in lookup order.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the templates --template can name: those in templates/ here, then the installed ones.")

    func run() throws {
        let catalog = TemplateCatalog.standard()
        let entries = catalog.entries()
        let places = catalog.places.map { "'\($0.path)' (\($0.kind.rawValue))" }.joined(separator: " and ")
        guard !entries.isEmpty else {
            FileHandle.standardError.write(Data("error: no templates found; looked in \(places)\n".utf8))
            throw ExitCode(3)
        }
        let width = entries.map(\.name.count).max() ?? 0
        for entry in entries {
            let loaded = TemplateLoader.load(directory: entry.path)
            var notes = [entry.place.kind.rawValue]
            if let shadowedBy = entry.shadowedBy { notes.append("--template \(entry.name) picks '\(shadowedBy)'") }
            let title: String
            if let template = loaded.template {
                title = template.name
            } else {
                let errors = loaded.diagnostics.errorCount
                title = "cannot be used: \(errors) error\(errors == 1 ? "" : "s") in its \(TemplateLoader.fileName)"
            }
            print("\(entry.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(entry.path)  \(title) (\(notes.joined(separator: "; ")))")
        }
        FileHandle.standardError.write(Data("looked in \(places)\n".utf8))
    }
}
