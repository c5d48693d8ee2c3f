import ArgumentParser
import Foundation
import SheetRender

// The exit statuses are part of the contract (cli.md): 0 valid, 1 invalid profiles, 2 a
// wrong command line, 3 a run that could not complete. ArgumentParser reports usage errors
// with status 64, so its errors are mapped here.
func exitForArgumentParser(_ error: Error) -> Never {
    let code = ProfileSheetCommand.exitCode(for: error)
    let message = ProfileSheetCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code == .validationFailure ? 2 : 3)
}

// Before any work: keeps a long batch's memory from growing with its length.
AllocatorTuning.apply()

do {
    var command = try ProfileSheetCommand.parseAsRoot()
    do {
        try command.run()
    } catch let code as ExitCode {
        exit(code.rawValue)
    } catch {
        exitForArgumentParser(error)
    }
} catch {
    exitForArgumentParser(error)
}
