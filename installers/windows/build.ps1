# Build the Windows installer of Portfolio Builder (run on Windows, from any folder):
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
# Produces dist\portfolio-builder\ (onedir), dist\PortfolioBuilder-Setup-<version>.exe (Inno Setup,
# per-user) and dist\PortfolioBuilder-<version>-windows-portable.zip (unzip and run, for machines
# where even a per-user installer is not allowed).
# Needs: the project venv (.venv) with the 'freeze' extra, and Inno Setup 6 (iscc.exe); nothing is
# downloaded. Set $env:SIGN_CERT_THUMBPRINT to sign the executables and the installer with signtool.
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root
$Python = if ($env:PYTHON) { $env:PYTHON } else { Join-Path $Root ".venv\Scripts\python.exe" }

$Version = (Select-String -Path "portfolio_builder\__init__.py" -Pattern '^__version__\s*=\s*"([^"]+)"').Matches[0].Groups[1].Value
Write-Host "==> Portfolio Builder $Version"

& $Python -c "import PyInstaller" 2>$null
if ($LASTEXITCODE -ne 0) { throw "PyInstaller is missing: $Python -m pip install pyinstaller (the 'freeze' extra)" }

Remove-Item -Recurse -Force "dist\portfolio-builder" -ErrorAction SilentlyContinue
& $Python -m PyInstaller --noconfirm --clean --log-level WARN --workpath build\pyinstaller --distpath dist installers\portfolio_builder.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
& "dist\portfolio-builder\portfolio-builder.exe" --version
if ($LASTEXITCODE -ne 0) { throw "the frozen command line does not start" }

if ($env:SIGN_CERT_THUMBPRINT) {
  Get-ChildItem "dist\portfolio-builder\*.exe" | ForEach-Object {
    signtool sign /sha1 $env:SIGN_CERT_THUMBPRINT /fd sha256 /tr http://timestamp.digicert.com /td sha256 $_.FullName
  }
}

$Portable = "dist\PortfolioBuilder-$Version-windows-portable.zip"
Remove-Item -Force $Portable -ErrorAction SilentlyContinue
Compress-Archive -Path "dist\portfolio-builder" -DestinationPath $Portable

$Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
          "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found; install it from jrsoftware.org (no admin: per-user install)" }
& $Iscc "/DAppVersion=$Version" "installers\windows\portfolio_builder.iss"
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
$Setup = "dist\PortfolioBuilder-Setup-$Version.exe"
if ($env:SIGN_CERT_THUMBPRINT) {
  signtool sign /sha1 $env:SIGN_CERT_THUMBPRINT /fd sha256 /tr http://timestamp.digicert.com /td sha256 $Setup
}

$Size = (Get-ChildItem -Recurse "dist\portfolio-builder" | Measure-Object -Sum Length).Sum / 1MB
Write-Host ("==> installed size {0:N0} MB; {1} {2:N0} MB; {3} {4:N0} MB" -f $Size, $Setup, ((Get-Item $Setup).Length / 1MB), $Portable, ((Get-Item $Portable).Length / 1MB))
