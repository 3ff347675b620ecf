; Inno Setup script for Portfolio Builder: a per-user install that needs no administrator rights.
; Build with installers\windows\build.ps1 (it freezes the app and passes /DAppVersion=<__version__> and
; /DAppNumericVersion=<its leading numbers>). Needs Inno Setup 6.3 or later: "x64compatible" below is a
; 6.3 architecture identifier (older compilers reject it).
;
; Installs the PyInstaller onedir into %LOCALAPPDATA%\Programs\Portfolio Builder, adds a Start-menu
; entry and registers .portfolio files for this user only (HKCU\Software\Classes).
;
; UNINSTALLING NEVER DELETES PORTFOLIOS. The uninstaller removes only what this installer wrote: the
; program folder, the Start-menu entry and the file-type registration. Portfolio files, exported
; bundles, backups, settings and logs live in the user's documents and app-data folders; they are
; the user's work and are deliberately left untouched (there is no [UninstallDelete] section).

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (ArchitecturesAllowed=x64compatible)
#endif
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=1.2.3 portfolio_builder.iss (build.ps1 does this)
#endif
#ifndef AppNumericVersion
  ; VersionInfoVersion takes numbers only: a version such as 0.2.0rc1 needs /DAppNumericVersion=0.2.0
  #define AppNumericVersion AppVersion
#endif
#define AppName "Portfolio Builder"
#define AppExe "Portfolio Builder.exe"
#define ProgId "PortfolioBuilder.Portfolio"
#define SourceDir "..\..\dist\portfolio-builder"

[Setup]
AppId={{6B1E8F1C-2C57-4B8F-9A3D-5E7C1B0F4A21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductTextVersion={#AppVersion}
; Per-user: no UAC prompt, nothing outside the user's profile.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=PortfolioBuilder-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes
#ifdef Sign
; build.ps1 defines the "pbsign" tool (/Spbsign=signtool sign ... $f): Inno Setup signs the installer and
; the uninstaller it writes at install time; a failed signature fails the compile.
SignTool=pbsign
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; .portfolio -> PortfolioBuilder.Portfolio, for this user only. On uninstall only our ProgID and our
; value under .portfolio go; the files themselves are never touched.
Root: HKCU; Subkey: "Software\Classes\.portfolio"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.portfolio\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Portfolio Builder portfolio"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".portfolio"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
