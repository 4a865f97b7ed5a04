// SPDX-License-Identifier: EUPL-1.2
/// <reference types="vite/client" />
