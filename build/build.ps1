# Build the Windows program with PyInstaller into build\out\OutreachDesk\ and check that it starts.
#   powershell -ExecutionPolicy Bypass -File build\build.ps1
#   powershell -ExecutionPolicy Bypass -File build\build.ps1 -Python "py -3.12"
# The build environment (build\work\venv) is reused by later runs; delete it to start afresh.
param(
    [string]$Python = "python",
    [string]$Out = "build\out",
    [string]$Work = "build\work"
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$venv = Join-Path $Work "venv"
$venvPython = Join-Path $venv "Scripts\python.exe"
if (-not (Test-Path $venvPython)) {
    $parts = $Python -split " "
    Invoke-Checked $parts[0] (@($parts[1..($parts.Length)] | Where-Object { $_ }) + @("-m", "venv", $venv))
}
Invoke-Checked $venvPython @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", ".", "pyinstaller>=6.10,<7")

$app = Join-Path $Out "OutreachDesk"
if (Test-Path $app) { Remove-Item -Recurse -Force $app }
Invoke-Checked $venvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--workpath", (Join-Path $Work "pyinstaller"), "--distpath", $Out, "build\outreach_desk.spec")

# Prove that it starts: open the window on a scratch database, wait until painted, exit.
$scratch = Join-Path ([System.IO.Path]::GetTempPath()) ("outreach-desk-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $scratch | Out-Null
try {
    $env:OUTREACH_DESK_HOME = Join-Path $scratch "home"
    Invoke-Checked (Join-Path $app "outreach-desk.exe") @("--db", (Join-Path $scratch "smoke.db"), "--smoke") | Out-Null
} finally {
    Remove-Item Env:OUTREACH_DESK_HOME -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $scratch -ErrorAction SilentlyContinue
}
$bytes = (Get-ChildItem -Recurse -File $app | Measure-Object -Property Length -Sum).Sum
"built {0} ({1:N0} MB); start OutreachDesk.exe inside it" -f $app, ($bytes / 1MB)
