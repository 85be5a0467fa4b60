using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Crm.Host.Api;

/// <summary>A client record as the API sends it: its own properties, plus what is kept beside it (custom fields, tags).</summary>
public sealed class ClientJson(IOptions<JsonOptions> options)
{
    public JsonObject With(object record, params (string Name, object? Value)[] extras)
    {
        var node = JsonSerializer.SerializeToNode(record, options.Value.SerializerOptions)!.AsObject();
        foreach (var (name, value) in extras) node[name] = JsonSerializer.SerializeToNode(value, options.Value.SerializerOptions);
        return node;
    }
}
