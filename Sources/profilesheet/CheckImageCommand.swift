import ArgumentParser
import Foundation
import SheetLayout
import SheetPipeline

/// `profilesheet check-image`: not for people. The child process in which a build first
/// decodes and draws a logo, with resource limits (`IsolatedImageCheck`).
struct CheckImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: IsolatedImageCheck.command, abstract: "Decode and draw one image under resource limits (used by build).",
        shouldDisplay: false)

    @Option var format: String
    @Option var width: Double
    @Option var height: Double
    @Argument var path: String

    func run() throws {
        guard let format = PositionedImage.Format(rawValue: format), width.isFinite, height.isFinite else {
            throw ValidationError("unknown image format or size")
        }
        let status = IsolatedImageCheck.runAsChild(path: path, format: format, size: Size(width: width, height: height))
        throw ExitCode(status)
    }
}
