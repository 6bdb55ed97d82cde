/** The data snippets print: what JSON can hold, with undefined meaning "leave the key out". */
export type PlainValue =
  | string
  | number
  | boolean
  | undefined
  | readonly PlainValue[]
  | { readonly [key: string]: PlainValue };
