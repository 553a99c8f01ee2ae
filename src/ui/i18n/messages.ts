/** A feature's English words: exactly the keys of its Russian ones (Russian is written first). */
export type Messages<T> = Record<keyof T, string>;
