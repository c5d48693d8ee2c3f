import Foundation
import SheetCore
import SheetRender

/// `preview --watch`: renders a profile, then again whenever the profile, its logo, the
/// taxonomy, a survey or the template changes. A burst of saves renders once (the files must
/// stay unchanged for `quietPeriod` first); an invalid edit reports its diagnostics and leaves
/// the last good sheet in place; a stop request (Ctrl-C) ends the loop between renders.
public struct PreviewWatcher: Sendable {
    public var run: SheetRun
    public var profile: String
    /// How often the files are looked at.
    public var pollInterval: TimeInterval = 0.03
    /// How long the files must stay unchanged before a render.
    public var quietPeriod: TimeInterval = 0.06

    public init(run: SheetRun, profile: String) {
        self.run = run
        self.profile = profile
    }

    /// Renders now and on every change until `shouldStop` says so; `report` receives each
    /// render's report. Returns after the stop. Every render goes through one worker, whose
    /// fonts stay loaded and whose layouts of unchanged text are reused (a font installed while
    /// watching is seen after a restart).
    public func watch(shouldStop: @escaping @Sendable () -> Bool, report: (RunReport) -> Void) {
        let worker = SheetWorker()
        var result = run.preview(profile, worker: worker)
        report(result)
        var logo = result.logoPath
        var snapshot = watched(logo: logo)
        while !shouldStop() {
            Thread.sleep(forTimeInterval: pollInterval)
            var current = watched(logo: logo)
            guard current != snapshot else { continue }
            // Wait for the burst of writes to settle.
            var settled = Date()
            while !shouldStop() {
                Thread.sleep(forTimeInterval: pollInterval)
                let next = watched(logo: logo)
                if next != current {
                    current = next
                    settled = Date()
                } else if Date().timeIntervalSince(settled) >= quietPeriod {
                    break
                }
            }
            if shouldStop() { break }
            result = run.preview(profile, worker: worker)
            report(result)
            if let path = result.logoPath { logo = path }
            snapshot = watched(logo: logo)
        }
    }

    private func watched(logo: String?) -> WatchedFiles {
        let configuration = run.configuration
        let profiles = configuration.profilesDirectory
        var files = [resolvedProfilePath, (profiles as NSString).appendingPathComponent(ProfileDiscovery.taxonomyFileName)]
        if let logo { files.append(logo) }
        return WatchedFiles(files: files, directories: [
            (profiles as NSString).appendingPathComponent("surveys"), configuration.templateDirectory,
        ])
    }

    /// The profile's file: the argument if it is a path, else `profiles/ID.yaml` (or `.yml`).
    private var resolvedProfilePath: String {
        if FileManager.default.fileExists(atPath: profile) { return profile }
        let directory = run.configuration.profilesDirectory
        return ProfileDiscovery.file(ofID: profile, in: directory) ?? (directory as NSString).appendingPathComponent(profile + ".yaml")
    }
}
