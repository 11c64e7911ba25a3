import CPango

/// Owns one `PangoLayout` and releases it with the handle.
final class PangoLayoutHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(pointer))
    }
}
