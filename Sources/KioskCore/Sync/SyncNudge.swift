import Synchronization

/// Cuts the sender's pause short when a write is queued, so ``SyncRunner`` drains it at once
/// rather than on its timer. A nudge while no pause runs (during a drain) ends the next pause at
/// once, so a write made mid-drain is not left for the timer either.
final class SyncNudge: Sendable {
    private struct State {
        var pending = false
        var pause: Task<Void, Never>?
    }

    private let state = Mutex(State())

    func nudge() {
        state.withLock { state in
            state.pending = true
            state.pause?.cancel()
        }
    }

    /// Waits `duration`, or until nudged, or until the calling task is cancelled.
    func pause(for duration: Duration) async {
        let pause = Task<Void, Never> { try? await Task.sleep(for: duration) }
        state.withLock { state in
            if state.pending { pause.cancel() }
            state.pause = pause
        }
        await withTaskCancellationHandler {
            await pause.value
        } onCancel: {
            pause.cancel()
        }
        state.withLock { state in
            state.pending = false
            state.pause = nil
        }
    }
}
