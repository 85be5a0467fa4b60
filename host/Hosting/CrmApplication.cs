using System.Threading.RateLimiting;
using Crm.Host.Api;
using Crm.Host.Auditing;
using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Events;
using Crm.Host.Jobs;
using Crm.Host.Localization;
using Crm.Host.Modules;
using Crm.Host.Notifications;
using Crm.Host.Security;
using Crm.Host.Templates;
using Crm.Sdk;
using Crm.Sdk.Auditing;
using Crm.Sdk.Data;
using Crm.Sdk.Events;
using Crm.Sdk.Notifications;
using Crm.Sdk.Security;
using Crm.Sdk.Templates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Serilog;

namespace Crm.Host.Hosting;

/// <summary>The composition root: services of the host and of every discovered module, and the request pipeline.</summary>
public static class CrmApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // ApplicationName names the host assembly so its pages are found also when a test runner is the entry assembly.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = ContentRoot(), ApplicationName = typeof(CrmApplication).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        var options = builder.Configuration.GetSection(CrmOptions.Section).Get<CrmOptions>() ?? new CrmOptions();
        // Room for a few attachments of the configured size, so a file over the limit gets a clear answer rather than a 413.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(k.Limits.MaxRequestBodySize ?? 0, 2 * options.Attachments.MaxBytes + 1024 * 1024));
        var (dataDirectory, dataWarning) = DataLocation.Resolve(options.DataDirectory, builder.Environment.ContentRootPath);
        var modulesDirectory = Path.GetFullPath(options.ModulesDirectory, AppContext.BaseDirectory);
        Directory.CreateDirectory(dataDirectory);
        var logFile = Path.Combine(dataDirectory, "logs", "crm-.log");

        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Override("FluentMigrator", Serilog.Events.LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            // An unreachable database or a setting that cannot work is reported by Program as one line, not as a stack trace.
            .Filter.ByExcluding(e => e.Exception is DatabaseUnavailableException or OptionsValidationException)
            .WriteTo.Console()
            .WriteTo.File(logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30, shared: true));

        var services = builder.Services;
        services.Configure<CrmOptions>(builder.Configuration.GetSection(CrmOptions.Section));
        services.AddSingleton<IValidateOptions<CrmOptions>, PublicUrlValidation>();
        services.AddOptions<CrmOptions>().ValidateOnStart();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton(new DataDirectory(dataDirectory));
        var database = InstallationDatabase.From(options.Database, dataDirectory);
        services.AddSingleton(database);
        services.AddSingleton<IModuleDatabase>(database);
        services.AddDbContext<CoreDbContext>(o => database.Configure(o));
        services.AddSingleton<SchemaMigrator>();

        AddSecurity(services, options.Security, dataDirectory);
        AddPlatformServices(services);

        services.AddLocalization();
        // Russian and Polish text goes out as is, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        var mvc = services.AddRazorPages(pages => pages.Conventions.AllowAnonymousToPage("/Setup"))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (type, factory) => factory.Create(type))
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new CultureNumberBinderProvider()));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        services.AddSingleton<ModuleActionDescriptorChangeProvider>();
        services.AddSingleton<IActionDescriptorChangeProvider>(p => p.GetRequiredService<ModuleActionDescriptorChangeProvider>());
        services.AddSingleton(p => mvc.PartManager);
        services.AddSingleton<Microsoft.AspNetCore.Mvc.Razor.Compilation.IViewCompilerProvider, ModuleViewCompilerProvider>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewComponents.IViewComponentDescriptorCollectionProvider, ModuleViewComponents>();
        services.AddProblemDetails();
        // Enums travel as their names ("Active"), which API clients can read and send.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddExceptionHandler<DiskFull>();
        services.AddExceptionHandler<TemplateErrors>();
        services.AddOpenApi("v1");

        // Before the host's logging exists: what discovery finds wrong (a module that failed) goes to the log file too.
        using var bootLogger = LoggerFactory.Create(b => b.AddSerilog(new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration)
            .WriteTo.Console().WriteTo.File(logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30, shared: true)
            .CreateLogger(), dispose: true));
        var boot = bootLogger.CreateLogger("Crm.Hosting");
        boot.LogInformation("Data directory: {DataDirectory}", dataDirectory);
        if (dataWarning != null) boot.LogWarning("{Warning}", dataWarning);
        var catalog = new ModuleDiscovery(bootLogger.CreateLogger("Crm.Modules")).Discover(modulesDirectory, services, builder.Configuration);
        services.AddSingleton(catalog);
        services.AddSingleton<ModuleParts>();
        services.AddSingleton<ModuleLifecycle>();
        services.AddSingleton<Initializer>();
        services.AddHostedService(p => p.GetRequiredService<Initializer>());
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(p => p.GetRequiredService<JobScheduler>());

        var app = builder.Build();
        if (options.ServerTiming) app.UseMiddleware<ServerTiming>();
        ConfigurePipeline(app, catalog, options);
        return app;
    }

    /// <summary>The host project's folder when run from source (so wwwroot and appsettings are found), else the binaries' folder.</summary>
    static string ContentRoot()
    {
        var baseDirectory = AppContext.BaseDirectory;
        return File.Exists(Path.Combine(baseDirectory, "appsettings.json")) ? baseDirectory : Directory.GetCurrentDirectory();
    }

    static void AddSecurity(IServiceCollection services, SecurityOptions security, string dataDirectory)
    {
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")))
            .SetApplicationName("Crm");
        services.AddIdentity<CrmUser, CrmRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CoreDbContext>()
            .AddDefaultTokenProviders();
        // Over https (directly or behind a known proxy) every cookie is Secure; antiforgery's own default would not be.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "crm.auth";
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Crm";
                o.DefaultChallengeScheme = "Crm";
                o.DefaultAuthenticateScheme = "Crm";
            })
            .AddPolicyScheme("Crm", "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddMemoryCache();
        services.AddSingleton<UserAccessCache>();
        services.AddSingleton<ReferenceCache>();
        services.AddSingleton<IReferenceCache>(p => p.GetRequiredService<ReferenceCache>());
        services.AddSingleton<PermissionCatalog>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(p => p.GetRequiredService<CurrentUser>());
        services.AddScoped<AdminAccounts>();
        services.AddScoped<People.TeamService>();
        services.AddScoped<People.UserAdministration>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.Login, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    static void AddPlatformServices(IServiceCollection services)
    {
        services.AddScoped<IAuditWriter, AuditWriter>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IDomainEventPublisher, DomainEventPublisher>();
        services.AddScoped<IEventOutbox, EventOutbox>();
        services.AddScoped<EventDelivery>();
        services.AddScoped<IEventDelivery>(p => p.GetRequiredService<EventDelivery>());
        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddScoped<INotifier, Notifier>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<Clients.CompanyService>();
        services.AddScoped<Crm.Sdk.Search.ISearchProvider, Clients.CompanySearch>();
        services.AddScoped<Clients.ContactService>();
        services.AddScoped<Clients.ActivityService>();
        services.AddScoped<Clients.AttachmentFiles>();
        services.AddScoped<Clients.TaskService>();
        services.AddScoped<Clients.ClientTimeline>();
        services.AddScoped<Clients.ClientHistory>();
        services.AddScoped<Clients.Handover>();
        services.AddSingleton<Crm.Sdk.Reports.ITableExport, Reports.TableFiles>();
        services.AddScoped<Clients.CompanyExport>();
        services.AddScoped<Clients.CompanyImport>();
        services.AddScoped<Clients.ClientMerge>();
        services.AddScoped<Clients.ClientPurge>();
        services.AddScoped<Clients.CompanyDuplicates>();
        services.AddScoped<Clients.ContactDuplicates>();
        services.AddScoped<Clients.ClientBaseReport>();
        // What modules may read and ask of the client base and the staff list (sdk contracts).
        services.AddScoped<Crm.Sdk.Clients.IClientDirectory, Clients.ClientDirectory>();
        services.AddScoped<Crm.Sdk.Clients.IClientTasks, Clients.ModuleTasks>();
        services.AddScoped<Crm.Sdk.Clients.IActivityStatistics, Clients.ActivityStatistics>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<Data.ReportSummaries>();
        services.AddReportSummary<Clients.ActivityMonthsSummary>();
        services.AddScoped<Clients.CustomFieldService>();
        services.AddScoped<Clients.CustomFieldValues>();
        services.AddScoped<Clients.TagService>();
        services.AddScoped<Lists.SavedViews>();
        services.AddScoped<Crm.Sdk.Lists.ISavedViews>(p => p.GetRequiredService<Lists.SavedViews>());
        services.AddScoped<Clients.ContactImport>();
        services.AddScoped<Clients.ContactExport>();
        services.AddSingleton<Api.ClientJson>();
        services.AddRecurringJob<Clients.TaskReminders>();
        services.AddRecurringJob<Clients.AttachmentSweep>();
        services.AddHttpContextAccessor();
        services.AddRecurringJob<Api.Idempotency.IdempotencySweep>();
        services.AddSingleton<Backups.BackupCatalog>();
        services.AddSingleton<Backups.BackupWriter>();
        services.AddSingleton<Backups.BackupRestorer>();
        services.AddScoped<Backups.BackupSchedule>();
        services.AddRecurringJob<Backups.ScheduledBackup>();
        services.TryAddSingleton(TimeProvider.System); // a test host may have set its own clock
        services.AddSingleton<CompanyClock>();
        services.AddSingleton<Crm.Sdk.Time.ICompanyClock>(p => p.GetRequiredService<CompanyClock>());
        services.AddScoped<Crm.Sdk.Search.ISearchProvider, Clients.ContactSearch>();
        services.AddScoped<TemplateStore>();
        services.AddScoped<IDocumentRenderer, DocumentRenderer>();
        services.AddSingleton<ModuleText>();
        services.AddScoped<Navigation>();
        services.AddScoped<Dashboard>();
        services.AddScoped<Settings.ModuleSettings>();
        services.AddScoped<Crm.Sdk.Modules.IModuleSettings>(p => p.GetRequiredService<Settings.ModuleSettings>());
        services.AddScoped<Search.GlobalSearch>();
        services.AddScoped<TokenIssuer>();
    }

    static void ConfigurePipeline(WebApplication app, ModuleCatalog catalog, CrmOptions options)
    {
        ReverseProxy.Use(app, options.Security.KnownProxies); // first: everything after sees the client's address and scheme
        // Browsers that reached the server over https once keep to https (a response over http carries no such header).
        app.UseHsts();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler("/Error"));
        app.UseSerilogRequestLogging();
        app.UseMiddleware<SecurityHeaders>();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        foreach (var entry in catalog.All.Where(e => e.Registered))
        {
            var wwwroot = Path.Combine(entry.Directory, "wwwroot");
            if (!Directory.Exists(wwwroot)) continue;
            var path = $"/modules/{entry.Id}";
            app.UseWhen(c => entry.IsEnabled && c.Request.Path.StartsWithSegments(path), files =>
                files.UseStaticFiles(new StaticFileOptions { RequestPath = path, FileProvider = new PhysicalFileProvider(wwwroot) }));
        }
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(JsonStringLocalizerFactory.FallbackCulture)
                .AddSupportedCultures(SupportedCultures.Names).AddSupportedUICultures(SupportedCultures.Names);
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        app.UseRouting();
        app.UseMiddleware<DisabledModuleEndpoints>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseMiddleware<ApiAntiforgery>();
        app.UseMiddleware<Api.Idempotency.IdempotentRequests>();
        app.UseMiddleware<FirstRunMiddleware>();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapOpenApi("/api/{documentName}/openapi.json");
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        CoreApi.Map(api);
        foreach (var entry in catalog.All.Where(e => e.Registered))
        {
            var group = api.MapGroup("").WithTags(entry.Id).WithMetadata(new ModuleEndpoint(entry));
            try { entry.Module!.MapApi(group); }
            catch (Exception e)
            {
                entry.Fail($"mapping its API threw {e.GetType().Name}: {e.Message}");
                app.Logger.LogError(e, "Module {Module} failed to map its API", entry.Id);
            }
        }
    }
}

/// <summary>Names of rate limiting policies.</summary>
public static class RateLimits
{
    public const string Login = "login";
}

/// <summary>The installation's data directory (SQLite file, logs, keys, uploaded files).</summary>
public sealed record DataDirectory(string Path);
