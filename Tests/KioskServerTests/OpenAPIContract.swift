import Foundation
import TestSupport
import Testing

/// Checks answers the service really gave against `openapi.yaml`: the status must be listed for
/// the operation (or covered by its `default`), and a JSON body must match the listed schema. The
/// JSON Schema validator is jsonschema_rs from the schemathesis virtualenv (hardware/rig/install-deps).
struct OpenAPIContract {
    /// One answer as the test got it, under the route's template path.
    struct Answer: Encodable {
        var method: String
        var path: String
        var status: Int
        var body: String
    }

    static var python: URL? {
        let url = SchemathesisTests.installed.deletingLastPathComponent().appendingPathComponent("python")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// Every answer that breaks the document, one line each; empty when all conform.
    static func violations(_ answers: [Answer]) async throws -> [String] {
        let python = try #require(python, "the schemathesis virtualenv is missing: run hardware/rig/install-deps")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID()).json")
        try JSONEncoder().encode(answers).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try await CommandRun.run([python.path, "-c", validator, SchemathesisTests.document.path, file.path])
        #expect(run.status == 0, "the validator failed: \(run.output)")
        return run.output.split(separator: "\n").map(String.init)
    }

    /// Prints one line per violation. Each schema is checked with the document's components beside
    /// it at its root, so that `#/components/...` references resolve.
    private static let validator = #"""
        import json, sys, yaml, jsonschema_rs
        document = yaml.safe_load(open(sys.argv[1]))
        def resolve(node):
            while '$ref' in node:
                target = document
                for part in node['$ref'][2:].split('/'):
                    target = target[part]
                node = target
            return node
        for answer in json.load(open(sys.argv[2])):
            where = f"{answer['method']} {answer['path']} -> {answer['status']}"
            operation = document['paths'][answer['path']][answer['method'].lower()]
            listed = operation['responses'].get(str(answer['status'])) or operation['responses'].get('default')
            if listed is None:
                print(f"{where}: status not in the document")
                continue
            content = resolve(listed).get('content')
            if content is None:
                if answer['body']:
                    print(f"{where}: a body where the document lists none: {answer['body'][:200]}")
                continue
            if 'application/json' not in content:
                continue
            try:
                body = json.loads(answer['body'])
            except ValueError:
                print(f"{where}: not JSON: {answer['body'][:200]}")
                continue
            schema = dict(content['application/json']['schema'], components=document['components'])
            for error in jsonschema_rs.Draft4Validator(schema).iter_errors(body):
                print(f"{where}: {error.message} at {list(error.instance_path)}")
        """#
}
