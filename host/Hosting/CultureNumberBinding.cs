using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Crm.Host.Hosting;

/// <summary>
/// Form numbers (decimal, double, float, and their nullable forms) in every page, the host's and modules', are read with
/// <see cref="CultureNumbers"/> in the request's culture instead of MVC's lenient parsing, which takes "1250,50" typed in
/// an English form for 125050. A number it cannot read becomes a form error on the field, in the user's language.
/// </summary>
public sealed class CultureNumberBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(decimal) || type == typeof(double) || type == typeof(float) ? new CultureNumberBinder(type) : null;
    }
}

sealed class CultureNumberBinder(Type type) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var result = context.ValueProvider.GetValue(context.ModelName);
        if (result == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, result);
        var text = result.FirstValue;
        var messages = context.ModelMetadata.ModelBindingMessageProvider;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (context.ModelMetadata.IsReferenceOrNullableType) context.Result = ModelBindingResult.Success(null);
            else context.ModelState.TryAddModelError(context.ModelName, messages.ValueMustNotBeNullAccessor(text ?? ""));
            return Task.CompletedTask;
        }
        // Query strings are read in the invariant culture and forms in the user's (ValueProviderResult.Culture says which).
        if (!CultureNumbers.TryParse(text, result.Culture, out var number))
        {
            // The fields carry no display names, so the message shows how to type a number here instead ("1 234,50").
            var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(CultureNumberBinder));
            context.ModelState.TryAddModelError(context.ModelName,
                localizer["Binding.NotANumber", text, 1234.5m.ToString("N2", result.Culture)]);
            return Task.CompletedTask;
        }
        context.Result = ModelBindingResult.Success(type == typeof(decimal) ? number : type == typeof(double) ? (double)number : (object)(float)number);
        return Task.CompletedTask;
    }
}

/// <summary>MVC's binding messages ("The value 'x' is not valid for Price.") in the user's language.</summary>
public sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var text = factory.Create(typeof(LocalizedBindingMessages));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => text["Binding.ValueInvalidFor", value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Binding.ValueInvalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => text["Binding.UnknownValueFor", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.UnknownValue"]);
        messages.SetValueIsInvalidAccessor(value => text["Binding.ValueInvalid", value]);
        messages.SetValueMustBeANumberAccessor(field => text["Binding.NumberFor", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.Number"]);
        messages.SetValueMustNotBeNullAccessor(value => text["Binding.ValueInvalid", value]);
        messages.SetMissingBindRequiredValueAccessor(field => text["Binding.Missing", field]);
    }
}
