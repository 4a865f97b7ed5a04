// SPDX-License-Identifier: EUPL-1.2
export interface HtmlError {
  type: string;
  message: string;
  lastLine?: number;
}
export declare function htmlValidator(): 'vnu' | 'html-validate';
export declare function validateHtml(documents: Record<string, string>): {
  validator: 'vnu' | 'html-validate';
  errors: Map<string, HtmlError[]>;
};
