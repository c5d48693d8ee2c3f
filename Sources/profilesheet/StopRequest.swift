import Foundation

/// Ctrl-C (SIGINT) and SIGTERM as a flag that a watch loop checks between renders, so that it
/// stops cleanly with status 0 instead of dying mid-write.
enum StopRequest {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    static var requested: Bool { flag != 0 }

    static func install() {
        signal(SIGINT) { _ in StopRequest.flag = 1 }
        signal(SIGTERM) { _ in StopRequest.flag = 1 }
        // A parent may have started us with these signals blocked (some process launchers do);
        // unblock them, or Ctrl-C would never arrive.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
