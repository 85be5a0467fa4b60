using System.Text;
using System.Text.Json;
using Scriban;
using Scriban.Runtime;
using Scriban.Parsing;
using Scriban.Syntax;
using Crm.Sdk.Templates;

namespace Crm.Host.Templates;

/// <summary>
/// Renders Scriban text in a sandbox. The model is first turned into plain data (JSON-shaped objects, lists and
/// values with snake_case names), so a template can reach nothing but that data; loops, recursion and output are limited;
/// include/import have no loader.
/// </summary>
public static class SandboxedRenderer
{
    public const int LoopLimit = 10_000;
    public const int RecursionLimit = 20;
    public const int OutputLimit = 1_000_000;

    static readonly JsonSerializerOptions ModelJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Render(string text, object model)
    {
        var template = Template.Parse(text);
        if (template.HasErrors)
            throw new TemplateRenderException(string.Join("; ", template.Messages.Select(m => m.ToString())));

        var globals = ToScript(JsonSerializer.SerializeToElement(model, ModelJson)) as ScriptObject ?? new ScriptObject();
        var context = new HtmlEncodingContext
        {
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursionLimit,
            LimitToString = OutputLimit,
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            TemplateLoader = null,
        };
        var output = new LimitedOutput(OutputLimit);
        context.PushOutput(output);
        context.PushGlobal(globals);
        try
        {
            template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateRenderException(e.Message);
        }
        catch (OutputLimitException)
        {
            throw new TemplateRenderException($"the document is longer than {OutputLimit} characters");
        }
        return output.ToString();
    }

    static object? ToScript(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToObject(element),
        JsonValueKind.Array => new ScriptArray(element.EnumerateArray().Select(ToScript)),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    static ScriptObject ToObject(JsonElement element)
    {
        var result = new ScriptObject();
        foreach (var property in element.EnumerateObject()) result.Add(property.Name, ToScript(property.Value));
        return result;
    }

    /// <summary>
    /// Documents are HTML: every value a template prints is HTML-encoded, so a client named "&lt;script&gt;" stays text.
    /// The template's own markup is written as is.
    /// </summary>
    sealed class HtmlEncodingContext : TemplateContext
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject != null) Write(System.Net.WebUtility.HtmlEncode(ObjectToString(textAsObject, false)));
            return this;
        }

        public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject)
        {
            Write(span, textAsObject);
            return new ValueTask<TemplateContext>(this);
        }
    }

    sealed class OutputLimitException : Exception;

    sealed class LimitedOutput(int limit) : IScriptOutput
    {
        readonly StringBuilder _text = new();

        public void Write(string text, int offset, int count)
        {
            if (_text.Length + count > limit) throw new OutputLimitException();
            _text.Append(text, offset, count);
        }

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => _text.ToString();
    }
}
