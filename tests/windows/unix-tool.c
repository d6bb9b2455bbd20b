/* A Linux tool (pdfsig, qpdf, pyhanko, ...) as a Windows program, for the tests that run under
 * Wine. Wine starts Unix programs, but gives them its own terminal rather than the pipes a
 * Windows parent set as their standard handles, so a test could not read what they print. This
 * program is copied as TOOL.exe; it runs unix-tool-sh.exe (unix-tool.sh, a Unix script, which
 * turns Windows paths in the arguments into Linux ones) with the tool's output and exit code sent
 * to files, waits for them, then copies those to its own standard output and error and exits with the tool's
 * code. Never shipped. */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

static void copy_out(const wchar_t *path, DWORD which)
{
    HANDLE in = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    HANDLE out = GetStdHandle(which);
    char buf[65536];
    DWORD n, written;
    if (in == INVALID_HANDLE_VALUE)
        return;
    while (ReadFile(in, buf, sizeof buf, &n, NULL) && n > 0)
        WriteFile(out, buf, n, &written, NULL);
    CloseHandle(in);
    DeleteFileW(path);
}

int wmain(void)
{
    wchar_t self[MAX_PATH], dir[MAX_PATH], name[MAX_PATH], temp[MAX_PATH], out[MAX_PATH], err[MAX_PATH],
        status[MAX_PATH];
    wchar_t *line = GetCommandLineW(), *rest, *slash, *dot, *cmd;
    STARTUPINFOW si = {sizeof si};
    PROCESS_INFORMATION pi;
    DWORD code = 127;
    FILE *f;
    size_t size;

    GetModuleFileNameW(NULL, self, MAX_PATH);
    wcscpy(dir, self);
    slash = wcsrchr(dir, L'\\');
    wcscpy(name, slash + 1);
    *slash = 0;
    if ((dot = wcsrchr(name, L'.')))
        *dot = 0;

    /* The arguments as the parent quoted them, after the program's own name. */
    rest = line;
    if (*rest == L'"') {
        rest = wcschr(rest + 1, L'"');
        rest = rest ? rest + 1 : line + wcslen(line);
    } else {
        while (*rest && *rest != L' ' && *rest != L'\t')
            rest++;
    }

    GetTempPathW(MAX_PATH, temp);
    GetTempFileNameW(temp, L"out", 0, out);
    GetTempFileNameW(temp, L"err", 0, err);
    GetTempFileNameW(temp, L"sta", 0, status);

    size = wcslen(dir) + wcslen(name) + wcslen(out) + wcslen(err) + wcslen(status) + wcslen(rest) + 64;
    cmd = malloc(size * sizeof(wchar_t));
    _snwprintf(cmd, size, L"\"%ls\\unix-tool-sh.exe\" %ls \"%ls\" \"%ls\" \"%ls\"%ls", dir, name, out, err,
             status, rest);

    if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        fwprintf(stderr, L"%ls: cannot start unix-tool-sh.exe (error %lu)\n", name, GetLastError());
        return 127;
    }
    /* Wine's handle to a Unix process is signalled at once, and carries no exit code: the script
     * writes the code to its file last, and that file having content means the tool is done. */
    for (;;) {
        WIN32_FILE_ATTRIBUTE_DATA data;
        if (GetFileAttributesExW(status, GetFileExInfoStandard, &data) && data.nFileSizeLow > 0)
            break;
        Sleep(5);
    }
    copy_out(out, STD_OUTPUT_HANDLE);
    copy_out(err, STD_ERROR_HANDLE);
    f = _wfopen(status, L"r");
    if (f) {
        if (fscanf(f, "%lu", &code) != 1)
            code = 127;
        fclose(f);
    }
    DeleteFileW(status);
    return (int)code;
}
