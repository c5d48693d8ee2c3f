import Foundation
@testable import SheetPipeline
import TestSupport
import Testing

/// The build's writer thread: files land complete, in order; a failure stops it and is thrown.
@Suite("Output committer")
struct OutputCommitterTests {
    @Test func filesAreWrittenBeforeFinishReturns() throws {
        let root = try CommandRunner.temporaryDirectory()
        let committer = OutputCommitter(capacity: 2)
        for index in 0..<20 {
            committer.submit(Data("file \(index)\n".utf8), to: root + "/\(index).txt")
        }
        try committer.finish()
        for index in 0..<20 {
            #expect(FileManager.default.contents(atPath: root + "/\(index).txt") == Data("file \(index)\n".utf8))
        }
        // Only the files: no temporaries left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).count == 20)
    }

    @Test func aFailureStopsTheWritingAndIsThrown() throws {
        let root = try CommandRunner.temporaryDirectory()
        let committer = OutputCommitter(capacity: 1)
        committer.submit(Data("a".utf8), to: root + "/no-such-folder/a.txt")
        // The failure shows once the writer has got to it; later files are dropped.
        let deadline = Date().addingTimeInterval(10)
        while !committer.failed && Date() < deadline { usleep(1000) }
        #expect(committer.failed)
        committer.submit(Data("b".utf8), to: root + "/b.txt")
        #expect(throws: PipelineError.self) { try committer.finish() }
        #expect(!FileManager.default.fileExists(atPath: root + "/b.txt"))
    }
}
