import Foundation

/// Runs the built `profilesheet` binary and the poppler/qpdf tools, as a user or CI would.
/// Shared by the test targets that run the binary (a target of its own, `TestSupport`).
public enum CommandRunner {
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// True when the command ran past its timeout and was killed.
        public var timedOut = false
        /// Both streams, for looking for something anywhere in what the command printed.
        public var both: String { stdout + "\n" + stderr }
    }

    /// The debug binary next to the test bundle.
    public static var binary: String {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("profilesheet").path,
            repositoryRoot + "/.build/debug/profilesheet",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    /// `timeout`: the command is killed (SIGKILL) when it runs longer, and `timedOut` is set,
    /// so that a test of something that must not hang fails instead of hanging.
    public static func profilesheet(
        _ arguments: [String], in directory: String = repositoryRoot, environment: [String: String] = [:], timeout: TimeInterval? = nil
    ) throws -> Output {
        try run(binary, arguments, in: directory, environment: environment, timeout: timeout)
    }

    public static func run(
        _ executable: String, _ arguments: [String], in directory: String = repositoryRoot, environment: [String: String] = [:],
        timeout: TimeInterval? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_ACTIONS"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let killed = NSLock()
        nonisolated(unsafe) var timedOut = false
        let watchdog = timeout.map { seconds in
            let item = DispatchWorkItem {
                killed.lock()
                timedOut = true
                killed.unlock()
                kill(process.processIdentifier, SIGKILL)
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item)
            return item
        }
        // Read both pipes while the process runs, so that neither fills up and blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        process.waitUntilExit()
        watchdog?.cancel()
        killed.lock()
        defer { killed.unlock() }
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            timedOut: timedOut)
    }

    /// A new, empty folder, removed with everything in it when the test process exits
    /// (`ScratchSpace`).
    public static func temporaryDirectory() throws -> String {
        try ScratchSpace.makeFolder()
    }

    /// `pdfinfo` fields as a dictionary.
    public static func pdfinfo(_ path: String, _ extra: [String] = []) throws -> [String: String] {
        let output = try run("pdfinfo", extra + [path])
        var fields: [String: String] = [:]
        for line in output.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}
