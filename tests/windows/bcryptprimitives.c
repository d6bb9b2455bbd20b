/* ProcessPrng for Wine 8, which lacks it. Rust's standard library on Windows 10 and later asks
 * bcryptprimitives.dll for ProcessPrng; Windows itself has it, so this file only ever runs under
 * Wine, in the prefix the Windows tests make. It forwards to RtlGenRandom (SystemFunction036 in
 * advapi32), which Wine has. Never shipped: the installer does not carry it. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
