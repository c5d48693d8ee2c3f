import Foundation
import SheetCore
import SheetLayout
import SheetRender

/// The first decoding and drawing of each logo, done in a child process with resource limits,
/// so that no logo can take the run down: librsvg 2.54 aborts the process it runs in on some
/// SVGs (a Rust panic), `feTurbulence numOctaves="1e8"` ran for hours, a 1.9 MB `<text>` took
/// 6 GB, a progressive JPEG of 1.2 MB with repeated scans 51 s. The cleaner (`SVGCleaner`)
/// removes the causes it knows; this bounds the ones it does not.
///
/// The child is this same program, run as `profilesheet check-image` (a hidden command): it
/// sets `RLIMIT_AS` to `memoryLimit` and `RLIMIT_CPU` to `processorSeconds`, then decodes and
/// draws the image as a sheet does (`ImageDecoder.trial`), and answers on its standard output.
/// The parent kills it after `wallSeconds`. A crash, a limit or a timeout is the logo's error;
/// every other sheet is still rendered. A child that answers "ok" has shown that decoding the
/// file in this process is safe. One that answers "failed" with a reason (a truncated PNG, an
/// SVG the cleaner refuses or librsvg cannot draw) or "empty" with what the cleaner left out
/// has failed the logo in the same words the build's own decoding would use, and the build
/// does not decode it again: a failure can cost as much as a crash (a `<use>` bomb took
/// librsvg 11 s before it gave up, and when "failed" still counted as safe each build then
/// redid those 11 s in its own process).
///
/// Verdicts are kept by the digest of the file's bytes (with the format, the size drawn and the
/// tool's version): in memory for the run, and in `OUTPUT/.cache/image-checks/`, so later builds
/// start no child for a logo already checked, and the in-process decoding that follows is of a
/// file known to be safe. A timeout is not kept (a loaded machine may be the cause). The
/// digest includes `verdictVersion`, so that verdicts kept by an earlier program that counted
/// "failed" as safe are not read.
public final class IsolatedImageCheck: Sendable {
    /// The address space the child may map, 1 GiB unless `PROFILESHEET_IMAGE_MEMORY_MIB` says
    /// otherwise: the largest legitimate logo (4096² pixels, 64 MiB decoded) with the program's
    /// libraries and fonts maps far less (measured: docs/performance.md).
    public static let memoryLimit = (environmentNumber("PROFILESHEET_IMAGE_MEMORY_MIB") ?? 1_024) << 20
    /// The processor time the child may use, 10 s unless `PROFILESHEET_IMAGE_SECONDS` says
    /// otherwise (a sample logo takes under 0.1 s); it is killed after twice as long in all.
    public static let processorSeconds = environmentNumber("PROFILESHEET_IMAGE_SECONDS") ?? 10
    public static let wallSeconds = Double(2 * processorSeconds)

    private static func environmentNumber(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.flatMap { $0 > 0 && $0 < 1 << 20 ? $0 : nil }
    }
    /// The command the child runs.
    public static let command = "check-image"
    /// Part of each verdict's digest: 2 since a failed decoding is kept as a failure.
    static let verdictVersion = 2

    /// The program run as the child, with `check-image` and the image's options and path as
    /// its arguments: this program (`currentExecutable()`) in a build; in the tests also
    /// programs that abort, hang or answer nonsense, for what the parent makes of each.
    public let executable: String
    /// How long the child may run before it is killed (`wallSeconds`, but in tests).
    public let wallClockLimit: Double
    let cacheDirectory: String?
    /// Whether verdicts are written to `cacheDirectory` (not by `validate`, which writes nothing).
    let writesCache: Bool
    /// Verdicts by file identity (path, device, inode, size, modification time): the digest is
    /// computed once per file and run.
    private let verdicts = Guarded([String: Result<Void, RenderError>]())
    /// How many children were started, for tests and the benchmark.
    private let started = Guarded(0)

    /// Checks run by `executable` (this program), read from and (when `writesCache`) kept
    /// under `outputDirectory` when given; a child running longer than `wallClockLimit`
    /// seconds is killed.
    public init(executable: String, outputDirectory: String?, writesCache: Bool = true, wallClockLimit: Double = IsolatedImageCheck.wallSeconds) {
        self.executable = executable
        self.wallClockLimit = wallClockLimit
        self.cacheDirectory = outputDirectory.map { ($0 as NSString).appendingPathComponent(".cache/image-checks") }
        self.writesCache = writesCache
    }

    /// This running program's path, for `executable`.
    public static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 { return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return Bundle.main.executablePath
    }

    public var childrenStarted: Int { started.with { $0 } }

    /// Whether the image at `path` can be decoded and drawn at `size` points in this process:
    /// a failure when a child doing so crashed, ran out of its limits or did not answer.
    public func check(path: String, format: PositionedImage.Format, size: Size) -> Result<Void, RenderError> {
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(.imageDecodeFailed(path: path, format: format, reason: "the file cannot be read")) }
        let sizeText = "\(Int(size.width.rounded()))x\(Int(size.height.rounded()))"
        let identity = "\(path)\0\(status.st_dev)\0\(status.st_ino)\0\(status.st_size)\0\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)\0\(format.rawValue)\0\(sizeText)"
        if let known = verdicts.with({ $0[identity] }) { return known }

        let bytes: Data
        switch BoundedFile.read(path, limit: ImageProbe.maximumFileSize) {
        case .success(let data): bytes = data
        case .failure: return .failure(.imageDecodeFailed(path: path, format: format, reason: "the file cannot be read"))
        }
        let key = Fingerprint.sha256("\(Fingerprint.sha256(bytes)) \(format.rawValue) \(sizeText) \(ToolVersion.current) \(Self.verdictVersion)")
        let verdict: Result<Void, RenderError>
        if let cached = readCached(key, path: path, format: format) {
            verdict = cached
        } else {
            let (result, keep) = runChild(path: path, format: format, size: size)
            if keep { writeCached(key, result) }
            verdict = result
        }
        verdicts.with { $0[identity] = verdict }
        return verdict
    }

    // MARK: The child

    private func runChild(path: String, format: PositionedImage.Format, size: Size) -> (Result<Void, RenderError>, keep: Bool) {
        func failure(_ reason: String) -> Result<Void, RenderError> { .failure(.imageDecodeFailed(path: path, format: format, reason: reason)) }
        started.with { $0 += 1 }
        let arguments = [executable, Self.command, "--format", format.rawValue, "--width", "\(size.width)", "--height", "\(size.height)", "--", path]
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0, fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC) == 0 else { return (failure("the decoder could not be started: \(String(cString: strerror(errno)))"), false) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The child starts with every signal at its default action and none blocked, whatever
        // the process running the build ignores or blocks (a test runner, `nohup`, a CI agent
        // inherit theirs to their children): otherwise a blocked SIGABRT or SIGXCPU reaches
        // the child and does nothing (measured under swift test: `kill -ABRT $$` exited 0),
        // and the processor limit stops it only at its hard limit, by SIGKILL.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        var noneBlocked = sigset_t()
        sigfillset(&defaults)
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, cArguments, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else { return (failure("the decoder could not be started: \(String(cString: strerror(spawned)))"), false) }

        // The answer is one short line; reading it as it comes keeps the pipe from filling.
        var output = Data()
        let deadline = Date().addingTimeInterval(wallClockLimit)
        var waitStatus: Int32 = 0
        var timedOut = false
        _ = fcntl(pipeEnds[0], F_SETFL, O_NONBLOCK)
        while true {
            var buffer = [UInt8](repeating: 0, count: 4_096)
            let count = read(pipeEnds[0], &buffer, buffer.count)
            if count > 0, output.count < 65_536 { output.append(contentsOf: buffer[0..<count]) }
            let done = waitpid(pid, &waitStatus, WNOHANG)
            if done == pid { break }
            if done < 0, errno != EINTR { return (failure("the decoder was lost: \(String(cString: strerror(errno)))"), false) }
            if Date() > deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &waitStatus, 0) < 0, errno == EINTR {}
                timedOut = true
                break
            }
            var poller = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
            _ = poll(&poller, 1, 5)
        }
        if timedOut {
            return (failure("decoding and drawing it took more than \(Self.seconds(wallClockLimit)) s"), false)
        }
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while output.count < 65_536 {
            let count = read(pipeEnds[0], &buffer, buffer.count)
            guard count > 0 else { break }
            output.append(contentsOf: buffer[0..<count])
        }
        let answer = String(decoding: output, as: UTF8.self).trimmingWhitespace()
        let signal = waitStatus & 0x7F
        if signal != 0 {
            if signal == SIGXCPU || signal == SIGKILL {
                return (failure("decoding and drawing it took more than \(Self.processorSeconds) s of processor time"), signal == SIGXCPU)
            }
            let name = Self.signalNames[signal].map { " (\($0))" } ?? ""
            return (failure("the decoder stopped with signal \(signal)\(name): the file crashes librsvg or gdk-pixbuf, or needs more than \(Self.memoryLimit >> 20) MiB"), true)
        }
        let code = (waitStatus >> 8) & 0xFF
        if code == 0 && answer == "ok" { return (.success(()), true) }
        if code == 1, let failed = Self.failure(answered: answer, path: path, format: format) { return (.failure(failed), true) }
        return (failure("the decoder ended with status \(code)\(answer.isEmpty ? "" : ": " + ScalarRules.shown(answer, limit: 160))"), false)
    }

    /// `seconds` as a message gives it: whole seconds without a fraction.
    private static func seconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    static let signalNames: [Int32: String] = [SIGABRT: "SIGABRT", SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGFPE: "SIGFPE"]

    /// The error a child's answer other than "ok" names, nil when it names none: `failed:
    /// REASON` is `imageDecodeFailed` with that reason, `empty: JSON` (a list of strings) an SVG
    /// the cleaner left empty. The same words are kept in the cache.
    static func failure(answered answer: String, path: String, format: PositionedImage.Format) -> RenderError? {
        if answer.hasPrefix("failed: ") {
            let reason = String(answer.dropFirst("failed: ".count)).trimmingWhitespace()
            return reason.isEmpty ? nil : .imageDecodeFailed(path: path, format: format, reason: reason)
        }
        if answer.hasPrefix("empty: "), let leftOut = try? JSONDecoder().decode([String].self, from: Data(answer.dropFirst("empty: ".count).utf8)),
           !leftOut.isEmpty {
            return .svgLeftEmpty(path: path, leftOut: leftOut.map { ScalarRules.shown($0, limit: 60) })
        }
        return nil
    }

    /// What the child answers for `error`, on one line (of the cleaner's list, the first 100
    /// items: each is at most 60 characters, so the line stays within what the parent reads).
    static func answer(for error: RenderError) -> String {
        if case .svgLeftEmpty(_, let leftOut) = error, let json = try? JSONEncoder().encode(Array(leftOut.prefix(100))) {
            return "empty: " + String(decoding: json, as: UTF8.self)
        }
        var reason = "\(error)"
        if case .imageDecodeFailed(_, _, let detail) = error { reason = detail }
        return "failed: " + (reason.split(whereSeparator: \.isNewline).first.map(String.init) ?? reason)
    }

    /// The child's side: limits set, then `ImageDecoder.trial`; "ok", "failed: REASON" or
    /// "empty: JSON" on standard output, and the exit status 0 or 1.
    public static func runAsChild(path: String, format: PositionedImage.Format, size: Size) -> Int32 {
        var memory = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
        var processor = rlimit(rlim_cur: rlim_t(processorSeconds), rlim_max: rlim_t(processorSeconds + 1))
        guard setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &memory) == 0,
              setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &processor) == 0 else {
            answer("failed: the decoder's limits could not be set")
            return 1
        }
        switch ImageDecoder.trial(path: path, format: format, size: size) {
        case .success:
            answer("ok")
            return 0
        case .failure(let error):
            answer(answer(for: error))
            return 1
        }
    }

    /// One line on standard output, written at once (unbuffered).
    private static func answer(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    // MARK: The cache

    private func readCached(_ key: String, path: String, format: PositionedImage.Format) -> Result<Void, RenderError>? {
        guard let cacheDirectory else { return nil }
        // A regular file of one answer's size, or nothing: the output folder is not trusted.
        guard case .success(let data) = BoundedFile.read((cacheDirectory as NSString).appendingPathComponent(key), limit: 65_536) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        if text == "safe\n" { return .success(()) }
        return Self.failure(answered: text.trimmingWhitespace(), path: path, format: format).map { .failure($0) }
    }

    private func writeCached(_ key: String, _ verdict: Result<Void, RenderError>) {
        guard let cacheDirectory, writesCache else { return }
        let text: String
        switch verdict {
        case .success: text = "safe\n"
        case .failure(let error): text = Self.answer(for: error) + "\n"
        }
        // A cache that cannot be written costs a child next time, nothing more.
        try? FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        try? AtomicFile.write(Data(text.utf8), to: (cacheDirectory as NSString).appendingPathComponent(key))
    }
}
