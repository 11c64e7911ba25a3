import Foundation

/// The virtual rig's terminal configuration, hardware/rig/terminal.json: the rig's readers and
/// printer queues, for which the product has no default. Every test that starts `sskiosk serve`
/// names it with `--config`, as `make run` does.
package enum RigConfiguration {
    package static let terminal = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("hardware/rig/terminal.json").path
}
