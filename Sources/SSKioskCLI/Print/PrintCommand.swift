import ArgumentParser

/// Printing: cupsd's queues and their state, and printing a PDF once under an idempotency key.
struct PrintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print queues, their state, and printing PDFs.",
        subcommands: [PrintQueuesCommand.self, PrintFileCommand.self]
    )
}
