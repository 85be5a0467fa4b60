#!/usr/bin/env pwsh
# Build, test, publish and pack the CRM server. A thin layer over dotnet: every step is one dotnet command.
#   ./build.ps1 build | test | publish | pack   [-Configuration Release] [-Output artifacts]
param(
    [ValidateSet('build', 'test', 'publish', 'pack')]
    [string] $Target = 'build',
    [string] $Configuration = 'Release',
    [string] $Output = (Join-Path $PSScriptRoot 'artifacts'),
    # The server's platform: publishing for one lets the host ship precompiled (ReadyToRun) code, which starts faster.
    [string] $Runtime = $(if ($IsWindows -or $env:OS -eq 'Windows_NT') { 'win-x64' } else { 'linux-x64' })
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

switch ($Target) {
    'build' { Invoke-Dotnet build Crm.sln -c $Configuration }
    'test' { Invoke-Dotnet test Crm.sln -c $Configuration }
    # The host with every in-tree module under modules/, ready to copy to a server.
    'publish' { Invoke-Dotnet publish host/Crm.Host.csproj -c $Configuration -r $Runtime --self-contained false -o (Join-Path $Output 'server') }
    # The sdk, its test kit, the host (for the test kit) and each module as NuGet packages.
    'pack' {
        Invoke-Dotnet pack sdk/Crm.Sdk.csproj -c $Configuration -o (Join-Path $Output 'packages')
        Invoke-Dotnet pack sdk/Testing/Crm.Sdk.Testing.csproj -c $Configuration -o (Join-Path $Output 'packages')
        Invoke-Dotnet pack host/Crm.Host.csproj -c $Configuration -o (Join-Path $Output 'packages')
        Get-ChildItem modules -Filter *.csproj -Recurse | ForEach-Object {
            Invoke-Dotnet pack $_.FullName -c $Configuration -o (Join-Path $Output 'packages')
        }
    }
}
