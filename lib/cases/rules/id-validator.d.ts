// Minimal types for the `id-validator` package (GB 11643 resident ID numbers), which ships none.
declare module 'id-validator' {
  interface IdValidatorInfo {
    addrCode: string;
    addr?: string;
    birth: string;
    sex: 0 | 1;
    length: 15 | 18;
    checkBit?: string;
  }

  class IDValidator {
    constructor(gb2260?: Record<string, string>);
    /** `forceType` 18 refuses the old 15-digit form. */
    isValid(id: string, forceType?: 15 | 18): boolean;
    getInfo(id: string, forceType?: 15 | 18): IdValidatorInfo | false;
    makeID(isFifteen?: boolean): string;
  }

  export default IDValidator;
}
