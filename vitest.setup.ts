// IndexedDB for Dexie in Node: installed before any test module imports Dexie (Dexie captures
// the global at import time, so a per-file import can come too late).
import 'fake-indexeddb/auto';
