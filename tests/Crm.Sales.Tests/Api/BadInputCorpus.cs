using System.Text;
using System.Text.Json.Nodes;

namespace Crm.Sales.Tests.Api;

/// <summary>One request of the corpus: what it sends and a short name for the failure list.</summary>
public sealed record BadRequest(HttpMethod Method, string Path, string Input, Func<HttpContent?> Content);

/// <summary>
/// Bad input for every operation of an OpenAPI document: malformed JSON, wrong types, nulls inside lists, null objects,
/// huge and negative numbers, extreme dates, long strings, one field at a time over an otherwise plausible body; corrupt
/// and empty files for uploads; bad query values; a real and an unknown id in the path.
/// </summary>
public sealed class BadInputCorpus(JsonNode document, string realId, string unknownId = "999999")
{
    /// <summary>Values that every field is given in turn, the rest of the body staying plausible.</summary>
    static readonly (string Name, Func<JsonNode?> Value)[] BadValues =
    [
        ("null", () => null),
        ("[null]", () => new JsonArray((JsonNode?)null)),
        ("{}", () => new JsonObject()),
        ("[]", () => new JsonArray()),
        ("\"\"", () => ""),
        ("5000 chars", () => new string('x', 5000)),
        ("int.MaxValue", () => int.MaxValue),
        ("int.MaxValue+1", () => 2147483648L),
        ("long.MaxValue", () => long.MaxValue),
        ("decimal.MaxValue", () => decimal.MaxValue),
        ("-1", () => -1),
        ("int.MinValue", () => int.MinValue),
        ("0", () => 0),
        ("true", () => true),
        ("0001-01-01", () => "0001-01-01"),
        ("9999-12-31", () => "9999-12-31"),
        ("0001-01-01T00:00:00Z", () => "0001-01-01T00:00:00Z"),
        ("9999-12-31T23:59:59Z", () => "9999-12-31T23:59:59Z"),
    ];

    /// <summary>Values every query parameter is given in turn.</summary>
    static readonly string[] BadQueryValues =
        ["-1", "0", "2147483647", "2147483648", "1000000000", "9223372036854775807", "99999999999999999999999999999999", "abc", "",
         "0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", "1e308", new string('x', 5000), "%00", "null"];

    static readonly string[] Malformed = ["{\"a\": ", "null", "[]", "\"text\"", "42", "{}", "[null]", "{\"a\":1}}"];

    public IEnumerable<BadRequest> Requests()
    {
        // Reads before changes and deletes last, so that the real records exist for as long as possible.
        var order = new[] { "get", "put", "patch", "post", "delete" };
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => order.Contains(o.Key)).Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .OrderBy(o => Array.IndexOf(order, o.Method)).ThenBy(o => o.Path, StringComparer.Ordinal);
        foreach (var (path, method, operation) in operations)
            foreach (var request in For(path, new HttpMethod(method.ToUpperInvariant()), operation))
                yield return request;
    }

    IEnumerable<BadRequest> For(string template, HttpMethod method, JsonNode operation)
    {
        var parameters = (operation["parameters"] as JsonArray ?? []).Select(Resolve).OfType<JsonNode>().ToList();
        var real = Fill(template, realId);
        var unknown = Fill(template, unknownId);
        var body = operation["requestBody"]?["content"] as JsonObject;

        var negative = Fill(template, "-1");
        yield return new BadRequest(method, real, "nothing", () => null);
        if (unknown != real)
        {
            yield return new BadRequest(method, unknown, "unknown id, nothing", () => null);
            yield return new BadRequest(method, negative, "negative id, nothing", () => null);
        }

        foreach (var name in parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!))
            foreach (var value in BadQueryValues)
                yield return new BadRequest(method, $"{real}?{name}={Uri.EscapeDataString(value)}", $"{name}={Shorten(value)}", () => null);

        if (body == null) yield break;
        if (body["application/json"]?["schema"] is { } schema)
        {
            foreach (var text in Malformed)
                yield return new BadRequest(method, real, $"body {text}", () => Json(text));
            var plausible = Plausible(schema, depth: 0);
            var baseline = plausible?.ToJsonString() ?? "null";
            yield return new BadRequest(method, real, "plausible body", () => Json(baseline));
            if (unknown != real)
            {
                yield return new BadRequest(method, unknown, "unknown id, plausible body", () => Json(baseline));
                yield return new BadRequest(method, negative, "negative id, plausible body", () => Json(baseline));
            }
            foreach (var (field, value, input) in Mutations(schema, plausible))
                yield return new BadRequest(method, real, input, () => Json(value));
        }
        foreach (var form in new[] { "multipart/form-data", "application/x-www-form-urlencoded" })
            if (body[form]?["schema"] is { } formSchema)
                foreach (var file in FileFields(formSchema).DefaultIfEmpty("file"))
                {
                    yield return new BadRequest(method, real, $"{file}: corrupt .xlsx", () => Upload(file, "corrupt.xlsx", Encoding.UTF8.GetBytes("PK\u0003\u0004 not a zip at all")));
                    yield return new BadRequest(method, real, $"{file}: empty .xlsx", () => Upload(file, "empty.xlsx", []));
                    yield return new BadRequest(method, real, $"{file}: empty .csv", () => Upload(file, "empty.csv", []));
                    yield return new BadRequest(method, real, $"{file}: binary .csv", () => Upload(file, "binary.csv", [0, 255, 254, 0, 13, 10, 0]));
                    yield return new BadRequest(method, real, $"{file}: no file", () => new MultipartFormDataContent());
                }
    }

    /// <summary>The plausible body with one field (or one field of the first item of a list) replaced by each bad value, or removed.</summary>
    IEnumerable<(string Field, string Body, string Input)> Mutations(JsonNode schema, JsonNode? plausible)
    {
        if (plausible is not JsonObject body || Properties(schema) is not { } properties) yield break;
        foreach (var (name, property) in properties)
        {
            var without = (JsonObject)body.DeepClone();
            without.Remove(name);
            yield return (name, without.ToJsonString(), $"{name} missing");
            foreach (var (label, value) in BadValues)
            {
                var changed = (JsonObject)body.DeepClone();
                changed[name] = value();
                yield return (name, changed.ToJsonString(), $"{name}={label}");
            }
            // One level into lists of objects: an item with one bad field.
            if (Resolve(property) is { } list && Types(list).Contains("array") && Resolve(list["items"]) is { } items && Properties(items) is { } itemProperties)
                foreach (var (itemField, _) in itemProperties)
                    foreach (var (label, value) in BadValues)
                    {
                        var item = (JsonObject)(Plausible(items, 1) ?? new JsonObject());
                        item[itemField] = value();
                        var changed = (JsonObject)body.DeepClone();
                        changed[name] = new JsonArray(item);
                        yield return (name, changed.ToJsonString(), $"{name}[0].{itemField}={label}");
                    }
        }
    }

    /// <summary>A value of the schema's type that would pass a parser: ids point at the real records.</summary>
    JsonNode? Plausible(JsonNode? schemaNode, int depth)
    {
        var schema = Resolve(schemaNode);
        if (schema == null || depth > 3) return null;
        if (schema["enum"] is JsonArray values && values.Count > 0) return values.FirstOrDefault(v => v != null)?.DeepClone();
        var types = Types(schema);
        if (types.Contains("object") || Properties(schema) != null)
        {
            var result = new JsonObject();
            foreach (var (name, property) in Properties(schema) ?? [])
                result[name] = Plausible(property, depth + 1);
            return result;
        }
        if (types.Contains("array")) return Plausible(schema["items"], depth + 1) is { } item ? new JsonArray(item) : new JsonArray();
        if (types.Contains("integer")) return int.Parse(realId);
        if (types.Contains("number")) return 1;
        if (types.Contains("boolean")) return false;
        return (string?)schema["format"] switch
        {
            "date" => "2026-06-01",
            "date-time" => "2026-06-01T09:00:00Z",
            _ => "Plausible",
        };
    }

    JsonNode? Resolve(JsonNode? node)
    {
        for (var i = 0; i < 10 && node?["$ref"] is { } reference; i++)
            node = ((string)reference!).Split('/').Skip(1).Aggregate((JsonNode?)document, (at, segment) => at?[segment]);
        if (node?["allOf"] is JsonArray { Count: 1 } all) return Resolve(all[0]);
        if ((node?["oneOf"] ?? node?["anyOf"]) is JsonArray any)
            return any.Select(Resolve).FirstOrDefault(s => s != null && !Types(s).SequenceEqual(["null"]));
        return node;
    }

    JsonObject? Properties(JsonNode? schema) => Resolve(schema)?["properties"] as JsonObject;

    static string[] Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => (string)t!).ToArray(),
        JsonValue one => [(string)one!],
        _ => [],
    };

    IEnumerable<string> FileFields(JsonNode schema) => (Properties(schema) ?? []).Select(p => p.Key);

    static string Fill(string template, string id) => System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", id);

    static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    static HttpContent Upload(string field, string fileName, byte[] bytes) =>
        new MultipartFormDataContent { { new ByteArrayContent(bytes), field, fileName } };

    static string Shorten(string value) => value.Length > 40 ? $"{value.Length} chars" : value;
}
