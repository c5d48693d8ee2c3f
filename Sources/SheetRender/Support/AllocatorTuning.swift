import Foundation
#if os(Linux)
import CMalloc
#endif

/// Keeps the large, short-lived buffers of a sheet (its PDF stream, the thumbnail's pixels, a
/// decoded logo, each some hundreds of KiB) out of glibc's heap arenas, so that a long batch
/// does not grow its resident memory with its length.
///
/// glibc serves blocks above its mmap threshold by mmap, but raises the threshold each time
/// such a block is freed (up to 32 MiB). After the first sheets, these buffers come from the
/// worker threads' arenas instead, and blocks of varying size freed in varying order fragment
/// the arenas, which keep their pages. Measured on forced builds of 1000 and 4000 profiles:
/// the memory in use stayed at 12–14 MiB throughout (`malloc_stats`), while the arenas' size
/// grew from 33 to 45 MiB; with a fixed threshold the anonymous resident memory stays within
/// 21–30 MiB from the first sheet to the last. Setting the threshold turns the adjustment off.
///
/// It also caps the number of arenas at one per core plus one for the main thread. glibc gives a
/// new thread a new arena (up to eight per core) whenever none is free, and a build starts
/// threads all along: a pair of workers per part of the batch, and one with a large stack for
/// each YAML file parsed. Over a long batch the sheets' memory spread over more and more arenas,
/// each keeping pages of its own. Measured on forced builds with 2 jobs (peak anonymous memory,
/// bench profiles): 200 profiles 23.0 MiB and 2000 26.6 MiB with glibc's limit; 21.7 and 23.4
/// with the cap, and no slower (three alternating runs of 1000 each way).
public enum AllocatorTuning {
    public static let mmapThreshold: Int32 = 128 << 10

    /// The most heap arenas: one per core for the workers, one for the main thread.
    public static var arenaLimit: Int32 {
        Int32(clamping: ProcessInfo.processInfo.activeProcessorCount + 1)
    }

    /// Applies the settings to the process: call it once, before the work starts.
    public static func apply() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_ARENA_MAX, arenaLimit)
        #endif
    }

    /// Hands the pages of freed blocks inside the arenas back to the system. A worker calls it
    /// after each sheet: the memory in use between sheets is some 12–17 MiB, but the arenas keep
    /// the pages of whatever a sheet freed, and which pages those are varies from sheet to
    /// sheet, so without it the resident memory creeps up over a long batch. Measured on forced
    /// builds with 2 jobs (resident anonymous memory, sampled): 200 profiles 23–25 MiB, 2000
    /// 29.5–30 MiB without; 22.5 and 26–27 MiB with.
    public static func releaseFreeMemory() {
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }
}
