// SPDX-License-Identifier: EUPL-1.2
export declare function postgresBinDir(): string | undefined;
export declare function javaRuns(): boolean;
export declare function exiftoolCommand(): string | undefined;
export declare function pythonIcalendar(): string | undefined;
